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
        return NONE.equals(kind) ? Scope.none() : Scope.of(UnitKind.valueOf(kind), code);
    }
}
