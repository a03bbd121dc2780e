package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningIntake;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dissuasion tasks for the page and browser tests, made the way the application makes them: a fund
 * clue taken in through {@link WarningIntake}, whose task opens asynchronously (awaited).
 */
final class TaskFixtures {

    /** Sees every task, to wait for one to open. */
    static final Caller CITY = new Caller("task-fixtures", "市反诈中心", Role.CITY_CENTER, Scope.city());

    /** The demo grid worker's grid. */
    static final String GRID = "32990110120101";

    private TaskFixtures() {}

    record Person(UUID id, String name, String idNumber, String phone, String stationCode, String gridCode) {}

    /**
     * One of the residents (by id) matching {@code condition} ({@code :value} its parameter): the
     * {@code n}-th, counting round when fewer match (a grid holds a handful). Adults under 60 with a
     * phone, so that age does not raise the level and there is a number to call; not staff members, who
     * might be on their own team.
     */
    static Person resident(JdbcClient jdbc, String condition, String value, int n) {
        var people = jdbc.sql("SELECT r.id, r.name, r.id_number, r.phone, r.station_code, r.grid_code"
                        + " FROM residents.resident r WHERE " + condition
                        + " AND r.phone IS NOT NULL"
                        + " AND r.birth_date BETWEEN CURRENT_DATE - INTERVAL '59 years' AND CURRENT_DATE - INTERVAL '19 years'"
                        + " AND NOT EXISTS (SELECT 1 FROM jurisdiction.staff s WHERE s.resident_id = r.id)"
                        + " ORDER BY r.id")
                .param("value", value)
                .query(Person.class)
                .list();
        assertThat(people).as("residents where %s (%s)", condition, value).isNotEmpty();
        return people.get(n % people.size());
    }

    /** A fund clue of {@code amount} yuan about the person; answers the task once it has opened. */
    static TaskView warn(WarningIntake intake, Tasks tasks, Person person, String amount) {
        var now = Instant.now();
        var draft = new ClueDraft(
                "TASK-" + UUID.randomUUID(),
                "NATIONAL",
                "FUND",
                at(now.minusSeconds(30)),
                new ClueDraft.Person(person.name(), person.idNumber(), person.phone(), null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("某银行", "6222020200112233446", "李四"), null, null, null),
                amount,
                // more than a day ago and no risky type: the amount alone sets the level
                at(now.minus(Duration.ofHours(30))),
                "OTHER",
                null);
        var result = intake.take(List.of(draft), IntakeDoor.REST).get(0);
        assertThat(result.status()).as("%s", result.errors()).isEqualTo(IntakeResult.Status.ACCEPTED);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofWarning(result.warningId(), CITY).orElse(null), t -> t != null);
    }

    /** The staff member a demo account is. */
    static UUID staffOf(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT staff_id FROM identity.app_user WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
