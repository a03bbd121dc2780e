package io.purseguard.residents;

import io.purseguard.scope.Placement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One resident with ties; ID number and phone masked. */
public record ResidentDetail(
        UUID id,
        String name,
        Gender gender,
        LocalDate birthDate,
        int age,
        String idNumber,
        String phone,
        String address,
        String homeVillage,
        String occupation,
        String employer,
        List<String> tags,
        Placement placement,
        List<TieView> ties) {

    /**
     * A tie as the caller may see it: {@code relation} is what the other person is to this one
     * ({@code PARENT}: they are this person's parent); the other person's name only when that person is within the
     * caller's scope too.
     */
    public record TieView(UUID residentId, Relation relation, String name, boolean inScope) {}
}
