package io.purseguard.protection;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;

/** The callers the protection tests read measures as. */
final class TestCallers {

    static final Caller CITY = new Caller("center-protection-test", "市反诈中心", Role.CITY_CENTER, Scope.city());

    private TestCallers() {}
}
