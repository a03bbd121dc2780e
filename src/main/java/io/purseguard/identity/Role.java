package io.purseguard.identity;

import io.purseguard.scope.UnitKind;

/**
 * What a user or API client does. The role fixes the level of its scope; the scope's code says
 * which unit.
 */
public enum Role {
    /** 市反诈中心: the whole city. */
    CITY_CENTER(UnitKind.CITY, true),
    /** 分局反诈中心: one district. */
    DISTRICT_CENTER(UnitKind.DISTRICT, true),
    /** 派出所民警: one station's area. */
    STATION_OFFICER(UnitKind.STATION, true),
    /** 网格员: one grid (later: their own tasks). */
    GRID_WORKER(UnitKind.GRID, false),
    /** 乡镇（街道）负责人: one township. */
    TOWNSHIP_HEAD(UnitKind.TOWNSHIP, false),
    /** 银行联络员: their bank's requests only; no residents. */
    BANK_LIAISON(null, false),
    /** 审计员: reads the audit trail; no residents. */
    AUDITOR(null, false),
    /** 系统管理员: users and configuration; no residents. */
    ADMIN(null, false),
    /**
     * 上级平台对接: an API token of an upstream platform's bridge (the provincial platform, a bank's or a
     * carrier's warning feed). It may post clues and nothing else; it sees no one.
     */
    INTAKE_BRIDGE(null, false),
    /**
     * 运维: health details and metrics ({@code /actuator/**}), as a person or, usually, an API token a
     * Prometheus scraper sends; no residents, no warnings, no API operation of the business.
     */
    OPERATIONS(null, false);

    private final UnitKind scopeLevel;
    private final boolean mayReveal;

    Role(UnitKind scopeLevel, boolean mayReveal) {
        this.scopeLevel = scopeLevel;
        this.mayReveal = mayReveal;
    }

    /** The unit level this role's scope is at; null for roles that see no people. */
    public UnitKind scopeLevel() {
        return scopeLevel;
    }

    /** Whether this role may reveal a full ID number, phone or account (each reveal is audited). */
    public boolean mayReveal() {
        return mayReveal;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
