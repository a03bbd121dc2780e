package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.dissuasion.TeamRole;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
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
 * Warnings, dissuasion tasks and measures for the page and browser tests, made the way the application
 * makes them: a fund clue about a resident taken in through {@link WarningIntake}, whose task and
 * automatic stop-payment follow asynchronously (awaited).
 */
final class TaskFixtures {

    /** Sees every task, to wait for one to open. */
    static final Caller CITY = new Caller("task-fixtures", "市反诈中心", Role.CITY_CENTER, Scope.city());

    /** The demo grid worker's grid. */
    static final String GRID = "32990110120101";

    private TaskFixtures() {}

    record Person(UUID id, String name, String idNumber, String phone, String stationCode, String gridCode) {

        /** The person as a clue names them: name and ID number, nothing to reach them by. */
        ClueDraft.Person named() {
            return new ClueDraft.Person(name, idNumber, null, null, null);
        }
    }

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

    /** The {@code n}-th resident (by id) of a station, whoever they are. */
    static Person ofStation(JdbcClient jdbc, String station, int n) {
        return jdbc.sql("SELECT r.id, r.name, r.id_number, r.phone, r.station_code, r.grid_code"
                        + " FROM residents.resident r WHERE r.station_code = :station ORDER BY r.id OFFSET :n LIMIT 1")
                .param("station", station)
                .param("n", n)
                .query(Person.class)
                .single();
    }

    /**
     * A fund clue from the national platform, pushed half a minute ago: {@code amount} yuan that the
     * person moved to the suspect's account at {@code transacted}.
     */
    static ClueDraft fund(
            ClueDraft.Person person,
            ClueDraft.Account suspect,
            String amount,
            Instant transacted,
            String fraudType,
            String level) {
        return new ClueDraft(
                "FUND-" + UUID.randomUUID(),
                "NATIONAL",
                "FUND",
                at(Instant.now().minusSeconds(30)),
                person,
                new ClueDraft.Suspect(suspect, null, null, null),
                amount,
                at(transacted),
                fraudType,
                level);
    }

    /** Takes the clue in at the REST door; fails, naming intake's errors, unless it is accepted. */
    static UUID take(WarningIntake intake, ClueDraft clue) {
        var result = intake.take(List.of(clue), IntakeDoor.REST).get(0);
        assertThat(result.status()).as("%s", result.errors()).isEqualTo(IntakeResult.Status.ACCEPTED);
        return result.warningId();
    }

    /** A fund clue of {@code amount} yuan about the person; answers the task once it has opened. */
    static TaskView warn(WarningIntake intake, Tasks tasks, Person person, String amount) {
        var warningId = take(
                intake,
                fund(
                        new ClueDraft.Person(person.name(), person.idNumber(), person.phone(), null, null),
                        new ClueDraft.Account("某银行", "6222020200112233446", "李四"),
                        amount,
                        // more than a day ago and no risky type: the amount alone sets the level
                        Instant.now().minus(Duration.ofHours(30)),
                        "OTHER",
                        null));
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofWarning(warningId, CITY).orElse(null), t -> t != null);
    }

    /** The first measure of a warning: a HIGH fund warning's automatic stop-payment, requested after commit. */
    static MeasureView firstMeasure(Measures measures, UUID warningId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.ofWarning(warningId, CITY), l -> !l.isEmpty())
                .get(0);
    }

    /** A task of {@code amount} yuan about the {@code n}-th person of the demo grid worker's grid, with that worker on its team. */
    static TaskView gridTask(JdbcClient jdbc, WarningIntake intake, Tasks tasks, int n, String amount) {
        var task = warn(intake, tasks, resident(jdbc, "r.grid_code = :value", GRID, n), amount);
        var worker = staffOf(jdbc, "grid");
        assertThat(task.team())
                .as("the demo grid worker, the grid worker of the person's grid, is on the team")
                .anyMatch(m -> m.role() == TeamRole.GRID_WORKER && worker.equals(m.staffId()));
        return task;
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
