package io.purseguard.scope;

import java.util.Objects;

/**
 * What part of the city a caller may see: everything ({@link #city()}), one unit's area
 * ({@link #of(UnitKind, String)}), or no people at all ({@link #none()}, e.g. an auditor or bank
 * liaison). Applied inside SQL through {@link #predicate(String)}, never by filtering loaded rows.
 */
public record Scope(UnitKind kind, String code) {

    /** The named parameter that {@link #predicate(String)} uses; bind it to {@link #code()}. */
    public static final String PARAM = "scopeCode";

    private static final Scope CITY = new Scope(UnitKind.CITY, null);
    private static final Scope NONE = new Scope(null, null);

    public Scope {
        if (kind != null && kind != UnitKind.CITY) {
            Objects.requireNonNull(code, "a unit scope needs the unit's code");
        }
    }

    public static Scope city() {
        return CITY;
    }

    public static Scope none() {
        return NONE;
    }

    /**
     * No people, but one outside institution's business: a bank liaison sees their own bank's
     * requests, named by {@code code}.
     */
    public static Scope institution(String code) {
        return new Scope(null, java.util.Objects.requireNonNull(code, "an institution scope needs its code"));
    }

    public static Scope of(UnitKind kind, String code) {
        return kind == UnitKind.CITY ? CITY : new Scope(kind, code);
    }

    public boolean seesPeople() {
        return kind != null;
    }

    /**
     * A SQL condition on the placement columns of the row aliased {@code alias}, using the named
     * parameter {@value #PARAM}. The column name comes from the enum, never from input.
     */
    public String predicate(String alias) {
        if (kind == null) {
            return "FALSE";
        }
        if (kind == UnitKind.CITY) {
            return "TRUE";
        }
        return alias + "." + kind.column() + " = :" + PARAM;
    }

    /** Whether something at this placement is visible; used for rows already selected by scope. */
    public boolean contains(Placement placement) {
        if (kind == null) {
            return false;
        }
        return kind == UnitKind.CITY || code.equals(placement.codeAt(kind));
    }

    @Override
    public String toString() {
        return kind == null ? "NONE" : kind == UnitKind.CITY ? "CITY" : kind + ":" + code;
    }
}
