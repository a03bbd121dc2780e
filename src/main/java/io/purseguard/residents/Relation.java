package io.purseguard.residents;

/** A tie between two residents, as seen from the first: "A is B's {@code PARENT}". */
public enum Relation {
    SPOUSE,
    PARENT,
    CHILD,
    SIBLING,
    COLLEAGUE,
    CLASSMATE,
    HOME_VILLAGE;

    /** The same tie seen from the other person. */
    public Relation inverse() {
        return switch (this) {
            case PARENT -> CHILD;
            case CHILD -> PARENT;
            default -> this;
        };
    }

    /** Kin (spouse, parent, child, sibling): the relatives who join a 4+1 team. */
    public boolean isKin() {
        return this == SPOUSE || this == PARENT || this == CHILD || this == SIBLING;
    }
}
