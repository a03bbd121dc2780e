package io.purseguard.residents;

import io.purseguard.scope.Placement;
import java.util.List;
import java.util.UUID;

/**
 * A person to register. Gender and birth date are not given: they are derived from the ID number.
 *
 * @param homeVillage the village of origin (老家), which makes home-village ties
 * @param placement the placement of the person's grid
 */
public record NewResident(
        UUID id,
        String name,
        IdNumber idNumber,
        String phone,
        String address,
        String homeVillage,
        String occupation,
        String employer,
        List<String> tags,
        Placement placement) {}
