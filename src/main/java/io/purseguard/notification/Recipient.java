package io.purseguard.notification;

import io.purseguard.identity.Caller;
import io.purseguard.scope.UnitKind;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audiences one account belongs to: its unit (the unit its scope is), the staff member it is,
 * and itself. Like {@code Scope.predicate}, it becomes one SQL condition, so an inbox never loads a
 * notice that is not the caller's.
 *
 * @param username who reads; read markers are kept under this name
 * @param unitCode the code of the caller's scope unit, or null for roles that see no unit
 * @param staffId the staff id as stored in {@code audience_id}, or null for accounts that are nobody
 */
record Recipient(String username, String unitCode, String staffId) {

    /**
     * @param cityCode the city unit's code: a city-wide scope has no code of its own, and a notice to
     *     the city center names the city unit
     */
    static Recipient of(Caller caller, String cityCode) {
        var scope = caller.scope();
        String unit = null;
        if (scope.kind() == UnitKind.CITY) {
            unit = cityCode;
        } else if (scope.seesPeople()) {
            unit = scope.code();
        }
        return new Recipient(
                caller.name(),
                unit,
                caller.staffId() == null ? null : caller.staffId().toString());
    }

    /** A condition on the notice aliased {@code alias}, with parameters bound by {@link #bind}. */
    String predicate(String alias) {
        var any = new ArrayList<String>();
        if (unitCode != null) {
            any.add("(" + alias + ".audience = 'UNIT' AND " + alias + ".audience_id = :recipientUnit)");
        }
        if (staffId != null) {
            any.add("(" + alias + ".audience = 'STAFF' AND " + alias + ".audience_id = :recipientStaff)");
        }
        any.add("(" + alias + ".audience = 'USER' AND " + alias + ".audience_id = :recipientUser)");
        return "(" + String.join(" OR ", any) + ")";
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement
                .param("recipientUnit", unitCode)
                .param("recipientStaff", staffId)
                .param("recipientUser", username);
    }
}
