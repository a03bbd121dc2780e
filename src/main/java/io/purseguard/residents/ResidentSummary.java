package io.purseguard.residents;

import java.util.List;
import java.util.UUID;

/** A resident in a list: ID number and phone masked. */
public record ResidentSummary(
        UUID id,
        String name,
        Gender gender,
        int age,
        String idNumber,
        String phone,
        String address,
        String occupation,
        String gridCode,
        List<String> tags) {}
