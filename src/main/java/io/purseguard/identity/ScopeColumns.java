package io.purseguard.identity;

import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;

/** How a scope is stored: {@code scope_kind} (a unit kind or {@code NONE}) and {@code scope_code}. */
final class ScopeColumns {

    private static final String NONE = "NONE";

    private ScopeColumns() {}

    static String kindOf(Scope scope) {
        return scope.seesPeople() ? scope.kind().name() : NONE;
    }

    static Scope scope(String kind, String code) {
        if (NONE.equals(kind)) {
            return code == null ? Scope.none() : Scope.institution(code);
        }
        return Scope.of(UnitKind.valueOf(kind), code);
    }
}
