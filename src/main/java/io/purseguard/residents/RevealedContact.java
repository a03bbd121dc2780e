package io.purseguard.residents;

import java.util.UUID;

/** The full values behind a resident's masks, returned by an audited reveal. */
public record RevealedContact(UUID residentId, String name, String idNumber, String phone) {}
