package io.purseguard.identity;

import static io.purseguard.identity.Role.ADMIN;
import static io.purseguard.identity.Role.AUDITOR;
import static io.purseguard.identity.Role.BANK_LIAISON;
import static io.purseguard.identity.Role.CITY_CENTER;
import static io.purseguard.identity.Role.DISTRICT_CENTER;
import static io.purseguard.identity.Role.GRID_WORKER;
import static io.purseguard.identity.Role.INTAKE_BRIDGE;
import static io.purseguard.identity.Role.STATION_OFFICER;
import static io.purseguard.identity.Role.TOWNSHIP_HEAD;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call each operation of the REST API: one table, enforced by the API's filter chain before
 * any controller runs, and checked against the live OpenAPI document by a test (an operation missing
 * here fails the build). Scope still narrows what an allowed role sees, in SQL; this table only says
 * whether the role may ask at all. Paths are written as the OpenAPI document writes them.
 */
public final class ApiPermissions {

    /** Every role that works with people in a jurisdiction. */
    private static final Set<Role> PEOPLE =
            EnumSet.of(CITY_CENTER, DISTRICT_CENTER, STATION_OFFICER, GRID_WORKER, TOWNSHIP_HEAD);
    /** The police roles that sign for, route, request measures and reveal. */
    private static final Set<Role> OFFICERS = EnumSet.of(CITY_CENTER, DISTRICT_CENTER, STATION_OFFICER);

    private static final Set<Role> CENTERS = EnumSet.of(CITY_CENTER, DISTRICT_CENTER);
    /** Every signed-in person (a bridge token has no inbox). */
    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(INTAKE_BRIDGE));

    private static final List<Permission> TABLE = sorted(Stream.of(
            // warnings: intake is for the centers, a station's locally found clue, and upstream bridges
            allow(POST, "/api/v1/warnings", with(OFFICERS, INTAKE_BRIDGE)),
            allow(GET, "/api/v1/warnings", PEOPLE),
            allow(GET, "/api/v1/warnings/{id}", PEOPLE),
            // who may see the full values is WarningReveal's rule, which audits a refused reveal too
            allow(POST, "/api/v1/warnings/{id}/reveal", PEOPLE),
            allow(POST, "/api/v1/warnings/{id}/sign-for", OFFICERS),
            // a station says "not ours"; a center transfers instead
            allow(POST, "/api/v1/warnings/{id}/return", EnumSet.of(STATION_OFFICER)),
            allow(POST, "/api/v1/warnings/{id}/transfer", CENTERS),
            allow(GET, "/api/v1/warnings/feedback", OFFICERS),
            allow(GET, "/api/v1/warnings/feedback.xlsx", OFFICERS),
            // the Excel door is the centers' (a province's sheet for the whole city or a district)
            allow(POST, "/api/v1/warnings/import", CENTERS),
            allow(GET, "/api/v1/warnings/import/template.xlsx", CENTERS),
            allow(GET, "/api/v1/triage/rules", with(OFFICERS, ADMIN)),
            allow(GET, "/api/v1/triage/rules/history", with(OFFICERS, ADMIN)),
            allow(PUT, "/api/v1/triage/rules", EnumSet.of(ADMIN)),
            // dissuasion: the team works the task; officers reveal and swap members
            allow(GET, "/api/v1/tasks", PEOPLE),
            allow(GET, "/api/v1/tasks/{id}", PEOPLE),
            allow(GET, "/api/v1/tasks/{id}/timeline", PEOPLE),
            // officers, and the task's own team (checked by the task: a grid worker on it calls the person)
            allow(POST, "/api/v1/tasks/{id}/reveal", PEOPLE),
            allow(POST, "/api/v1/warnings/{warningId}/contacts", PEOPLE),
            allow(POST, "/api/v1/warnings/{warningId}/outcome", PEOPLE),
            allow(POST, "/api/v1/tasks/{id}/photos", PEOPLE),
            allow(GET, "/api/v1/tasks/{id}/photos/{photoId}", PEOPLE),
            allow(PUT, "/api/v1/tasks/{id}/team/{seq}", OFFICERS),
            allow(GET, "/api/v1/revisits", PEOPLE),
            allow(POST, "/api/v1/revisits/{id}/complete", PEOPLE),
            allow(GET, "/api/v1/dissuasion/policy", with(PEOPLE, ADMIN)),
            allow(PUT, "/api/v1/dissuasion/policy", EnumSet.of(ADMIN)),
            allow(GET, "/api/v1/dissuasion/checklists/{name}", with(PEOPLE, ADMIN)),
            allow(PUT, "/api/v1/dissuasion/checklists/{name}", EnumSet.of(ADMIN)),
            // protection: officers request; a bank's liaison answers its own bank's requests
            allow(POST, "/api/v1/measures", OFFICERS),
            allow(GET, "/api/v1/measures", with(PEOPLE, BANK_LIAISON)),
            allow(GET, "/api/v1/measures/{id}", with(PEOPLE, BANK_LIAISON)),
            allow(POST, "/api/v1/measures/{id}/renew", OFFICERS),
            allow(POST, "/api/v1/measures/{id}/release", OFFICERS),
            allow(POST, "/api/v1/measures/{id}/appeal", OFFICERS),
            allow(POST, "/api/v1/measures/{id}/{answer}", EnumSet.of(BANK_LIAISON)),
            allow(GET, "/api/v1/measures/money", PEOPLE),
            // banks' and carriers' answers carry an HMAC signature the endpoint checks
            signed(POST, "/api/v1/protection/callbacks/{channel}"),
            // cases (casework): the centers and the police stations work them; grid workers and
            // township heads, banks, auditors and administrators see none
            allow(POST, "/api/v1/cases/analyze", OFFICERS),
            allow(POST, "/api/v1/cases", OFFICERS),
            allow(GET, "/api/v1/cases", OFFICERS),
            allow(GET, "/api/v1/cases/{id}", OFFICERS),
            allow(POST, "/api/v1/cases/{id}/reveal", OFFICERS),
            allow(POST, "/api/v1/cases/{id}/transitions", OFFICERS),
            allow(POST, "/api/v1/cases/{id}/transfers", OFFICERS),
            allow(PUT, "/api/v1/cases/{id}/fraud-type", OFFICERS),
            allow(POST, "/api/v1/cases/{id}/transfer", CENTERS),
            allow(GET, "/api/v1/cases/{id}/measures", OFFICERS),
            allow(POST, "/api/v1/cases/{id}/measures", OFFICERS),
            allow(GET, "/api/v1/cases/revisits", OFFICERS),
            allow(POST, "/api/v1/cases/revisits/{revisitId}/complete", OFFICERS),
            allow(POST, "/api/v1/cases/import", OFFICERS),
            // people and places
            allow(GET, "/api/v1/residents", PEOPLE),
            allow(GET, "/api/v1/residents/{id}", PEOPLE),
            // who may see the full values is the directory's rule, which audits a refused reveal too
            allow(POST, "/api/v1/residents/{id}/reveal", PEOPLE),
            allow(GET, "/api/v1/units", with(PEOPLE, ADMIN)),
            allow(GET, "/api/v1/units/{code}", with(PEOPLE, ADMIN)),
            allow(GET, "/api/v1/staff", PEOPLE),
            allow(GET, "/api/v1/duty", PEOPLE),
            // everyone's own inbox
            allow(GET, "/api/v1/notifications", STAFF),
            allow(GET, "/api/v1/notifications/unread", STAFF),
            allow(POST, "/api/v1/notifications/{id}/read", STAFF),
            allow(POST, "/api/v1/notifications/read-all", STAFF),
            // the trail and the administration
            allow(GET, "/api/v1/audit", EnumSet.of(AUDITOR)),
            allow(GET, "/api/v1/audit/verify", EnumSet.of(AUDITOR)),
            allow(GET, "/api/v1/admin/users", EnumSet.of(ADMIN)),
            allow(POST, "/api/v1/admin/users", EnumSet.of(ADMIN)),
            allow(GET, "/api/v1/admin/tokens", EnumSet.of(ADMIN)),
            allow(POST, "/api/v1/admin/tokens", EnumSet.of(ADMIN)),
            allow(POST, "/api/v1/admin/tokens/{id}/revoke", EnumSet.of(ADMIN)),
            allow(GET, "/api/v1/admin/sign-in-locks", EnumSet.of(ADMIN)),
            allow(POST, "/api/v1/admin/sign-in-locks/accounts/{account}/unlock", EnumSet.of(ADMIN)),
            allow(POST, "/api/v1/admin/sign-in-locks/addresses/{address}/unlock", EnumSet.of(ADMIN))));

    private ApiPermissions() {}

    /**
     * One operation and who may call it.
     *
     * @param path as in the OpenAPI document, with {@code {name}} for each path variable
     * @param roles who may call it; empty for an operation that authenticates itself ({@code signed})
     * @param signed whether the operation is open to callers without a session or token because it
     *     checks a signature of its own
     */
    public record Permission(HttpMethod method, String path, Set<Role> roles, boolean signed) {

        public Permission {
            roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        }

        public boolean allows(Role role) {
            return signed || roles.contains(role);
        }

        /** The Spring Security authorities of the roles, for {@code hasAnyAuthority}. */
        public String[] authorities() {
            return roles.stream().map(Role::authority).toArray(String[]::new);
        }
    }

    /** The table, the most specific paths first (so {@code /warnings/feedback} is not read as an id). */
    public static List<Permission> all() {
        return TABLE;
    }

    private static Permission allow(HttpMethod method, String path, Set<Role> roles) {
        return new Permission(method, path, roles, false);
    }

    private static Permission signed(HttpMethod method, String path) {
        return new Permission(method, path, Set.of(), true);
    }

    private static Set<Role> with(Set<Role> roles, Role... more) {
        var all = EnumSet.copyOf(roles);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Permission> sorted(Stream<Permission> permissions) {
        var parser = PathPatternParser.defaultInstance;
        Comparator<Permission> specificity =
                Comparator.comparing(p -> parser.parse(p.path()), PathPattern.SPECIFICITY_COMPARATOR);
        return permissions.sorted(specificity).toList();
    }
}
