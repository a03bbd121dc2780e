package io.purseguard.residents;

import java.util.UUID;

/** {@code residentId} is {@code relation} of {@code otherId}; stored together with its inverse. */
public record Tie(UUID residentId, UUID otherId, Relation relation) {

    public Tie inverse() {
        return new Tie(otherId, residentId, relation.inverse());
    }
}
