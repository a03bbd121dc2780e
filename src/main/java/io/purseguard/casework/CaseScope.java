package io.purseguard.casework;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who works cases, and which cases a caller sees, in SQL: those placed in the caller's jurisdiction
 * (the victim's residence, else the accepting station) and those their own unit accepted. The city
 * and district centers and the police stations work cases; grid workers, township heads, bank
 * liaisons, auditors and administrators see none.
 */
public final class CaseScope {

    private CaseScope() {}

    /** Whether the role works cases (reads and writes them). */
    public static boolean worksCases(Caller caller) {
        return caller != null
                && (caller.role() == Role.CITY_CENTER
                        || caller.role() == Role.DISTRICT_CENTER
                        || caller.role() == Role.STATION_OFFICER);
    }

    static void requireWorksCases(Caller caller) {
        if (!worksCases(caller)) {
            throw new AccessDeniedException("role " + (caller == null ? null : caller.role()) + " does not work cases");
        }
    }

    /** A condition on the case aliased {@code c}: true for the cases the caller sees. */
    static String visible(Caller caller) {
        if (!worksCases(caller)) {
            return "FALSE";
        }
        var scope = caller.scope();
        var own = scope.kind() == UnitKind.STATION
                ? " OR c.unit_code = :" + Scope.PARAM
                : scope.kind() == UnitKind.DISTRICT ? " OR c.unit_district_code = :" + Scope.PARAM : "";
        return "(" + scope.predicate("c") + own + ")";
    }

    static Map<String, Object> params(Caller caller) {
        var code = caller == null ? null : caller.scope().code();
        return Map.of(Scope.PARAM, code == null ? "" : code);
    }
}
