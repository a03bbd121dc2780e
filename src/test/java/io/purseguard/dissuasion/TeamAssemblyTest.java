package io.purseguard.dissuasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.purseguard.PurseguardTest;
import io.purseguard.jurisdiction.DutyRoster;
import io.purseguard.jurisdiction.DutyShift;
import io.purseguard.residents.Acquaintances;
import io.purseguard.residents.Relation;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The 4+1 team and familiar officers on the demo city, plus people and staff the tests register
 * themselves. Tests that write are {@link Transactional}: their rows are rolled back, so the demo city
 * (and its digest) stays as generated for the other test classes sharing the database.
 */
@PurseguardTest
class TeamAssemblyTest {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    /** A fixed moment: ages and shifts are taken here. */
    private static final Instant AT =
            ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, LOCAL).toInstant();

    private static final AtomicLong ID_NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    TeamAssembly assembly;

    @Autowired
    DutyRoster roster;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    record Grid(String district, String station, String township, String community, String grid) {
        Placement placement() {
            return new Placement(district, station, township, community, grid);
        }
    }

    // ---------------------------------------------------------------- the demo city as it is

    @Test
    void a_registered_person_gets_every_role_filled_from_the_registry_and_the_staff() {
        var adultBy = LocalDate.ofInstant(AT, LOCAL).minusYears(18);
        var id = jdbc.sql("""
                        SELECT r.id FROM residents.resident r
                        WHERE r.employer IN (SELECT employer FROM jurisdiction.staff WHERE role = 'EMPLOYER_HEAD')
                          AND r.id NOT IN (SELECT resident_id FROM jurisdiction.staff)
                          AND EXISTS (SELECT 1 FROM residents.tie t JOIN residents.resident k ON k.id = t.resident_id
                                      WHERE t.other_id = r.id AND t.relation IN ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING')
                                        AND k.birth_date <= :adultBy)
                          AND EXISTS (SELECT 1 FROM residents.tie t
                                      JOIN jurisdiction.staff s ON s.resident_id = t.resident_id AND s.role = 'OFFICER'
                                      WHERE t.other_id = r.id)
                        ORDER BY r.id LIMIT 1
                        """).param("adultBy", adultBy).query(UUID.class).single();
        var where = placementOf(id);
        var key = UUID.randomUUID();

        var team =
                assembly.assemble(List.of(new TeamSubject(key, id, where, AT))).get(key);

        assertThat(team).noneMatch(TeamMember::isMissing);
        assertThat(team)
                .extracting(TeamMember::role)
                .startsWith(TeamRole.OFFICER, TeamRole.TOWNSHIP_HEAD, TeamRole.TOWNSHIP_HEAD, TeamRole.GRID_WORKER)
                .contains(TeamRole.RELATIVE, TeamRole.FAMILIAR_OFFICER)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());

        var officer = team.get(0);
        assertThat(officer.relation()).isEqualTo("COMMUNITY_OFFICER");
        assertThat(officer.staffId())
                .isIn(jdbc.sql("SELECT staff_id FROM jurisdiction.community_officer WHERE community_code = :c")
                        .param("c", where.community())
                        .query(UUID.class)
                        .list());
        assertThat(officer.name()).isNotBlank();
        assertThat(officer.phone()).isNotBlank();

        var head = team.get(1);
        assertThat(head.relation()).isNull();
        assertThat(head.unitCode()).isEqualTo(where.township());
        assertThat(roleOf(head.staffId())).isEqualTo("TOWNSHIP_HEAD");

        var employerHead = team.get(2);
        assertThat(employerHead.relation()).isEqualTo("EMPLOYER");
        assertThat(roleOf(employerHead.staffId())).isEqualTo("EMPLOYER_HEAD");
        assertThat(jdbc.sql("SELECT employer FROM jurisdiction.staff WHERE id = :id")
                        .param("id", employerHead.staffId())
                        .query(String.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT employer FROM residents.resident WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single());

        var gridWorker = team.get(3);
        assertThat(gridWorker.unitCode()).isEqualTo(where.grid());
        assertThat(roleOf(gridWorker.staffId())).isEqualTo("GRID_WORKER");

        var adultKin = jdbc.sql("""
                        SELECT t.resident_id FROM residents.tie t JOIN residents.resident k ON k.id = t.resident_id
                        WHERE t.other_id = :id AND t.relation IN ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING')
                          AND k.birth_date <= :adultBy
                        """)
                .param("id", id)
                .param("adultBy", adultBy)
                .query(UUID.class)
                .list();
        var relatives = members(team, TeamRole.RELATIVE);
        assertThat(relatives).hasSizeBetween(1, TeamAssembly.MAX_RELATIVES);
        assertThat(relatives).allSatisfy(r -> {
            assertThat(r.residentId()).isIn(adultKin);
            assertThat(r.staffId()).isNull();
            assertThat(Relation.valueOf(r.relation()).isKin()).isTrue();
        });

        var familiar = members(team, TeamRole.FAMILIAR_OFFICER);
        assertThat(familiar).hasSizeBetween(1, TeamAssembly.MAX_FAMILIAR_OFFICERS);
        assertThat(familiar).allSatisfy(f -> {
            assertThat(roleOf(f.staffId())).isEqualTo("OFFICER");
            assertThat(f.staffId()).isNotEqualTo(officer.staffId());
            assertThat(f.reasonZh()).startsWith("民警").endsWith("(" + f.relation() + ")");
            assertThat(f.reasonEn()).startsWith("Officer ").endsWith("(" + f.relation() + ")");
        });
        assertThat(familiar)
                .extracting(f -> TeamAssembly.Familiarity.valueOf(f.relation()))
                .isSorted();
    }

    @Test
    void without_a_registry_match_the_station_officer_on_duty_stands_in_and_every_gap_is_stated() {
        var station = jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'STATION' ORDER BY code LIMIT 1")
                .query(String.class)
                .single();
        var district = station.substring(0, 6);
        var onlyStation = new Placement(district, station, null, null, null);
        // the shift changes at 08:30 Shanghai time: one second before and at the handover
        var before = ZonedDateTime.of(2026, 3, 10, 8, 29, 59, 0, LOCAL).toInstant();
        var after = ZonedDateTime.of(2026, 3, 10, 8, 30, 0, 0, LOCAL).toInstant();
        var early = UUID.randomUUID();
        var late = UUID.randomUUID();

        var teams = assembly.assemble(List.of(
                new TeamSubject(early, null, onlyStation, before), new TeamSubject(late, null, onlyStation, after)));

        var earlyOfficer = teams.get(early).get(0);
        var lateOfficer = teams.get(late).get(0);
        assertThat(earlyOfficer.relation()).isEqualTo("ON_DUTY");
        assertThat(earlyOfficer.staffId()).isEqualTo(onDuty(station, before));
        assertThat(lateOfficer.staffId()).isEqualTo(onDuty(station, after));
        assertThat(lateOfficer.staffId()).isNotEqualTo(earlyOfficer.staffId());
        assertThat(earlyOfficer.reasonZh()).contains("2026-03-09 08:30");
        assertThat(lateOfficer.reasonEn()).contains("2026-03-10 08:30");

        assertThat(teams.get(early))
                .extracting(TeamMember::role, TeamMember::isMissing, TeamMember::reasonZh, TeamMember::reasonEn)
                .containsExactly(
                        tuple(TeamRole.OFFICER, false, earlyOfficer.reasonZh(), earlyOfficer.reasonEn()),
                        tuple(
                                TeamRole.TOWNSHIP_HEAD,
                                true,
                                "乡镇（街道）不明，无法确定负责人",
                                "the person's township/street is not known: no head can be named"),
                        tuple(
                                TeamRole.GRID_WORKER,
                                true,
                                "网格不明，无法确定网格员",
                                "the person's grid is not known: no grid worker can be named"),
                        tuple(
                                TeamRole.RELATIVE,
                                true,
                                "未匹配到登记人员，无法查找近亲属",
                                "not matched to the registry: no kin can be looked up"),
                        tuple(
                                TeamRole.FAMILIAR_OFFICER,
                                true,
                                "未匹配到登记人员，无法查找相识民警",
                                "not matched to the registry: no acquainted officer can be looked up"));
    }

    @Test
    void without_a_registry_match_but_with_a_grid_the_local_staff_are_still_named() {
        var grid = grid("TRUE");
        var key = UUID.randomUUID();

        var team = assembly.assemble(List.of(new TeamSubject(key, null, grid.placement(), AT)))
                .get(key);

        assertThat(team)
                .extracting(TeamMember::role, TeamMember::isMissing)
                .containsExactly(
                        tuple(TeamRole.OFFICER, false),
                        tuple(TeamRole.TOWNSHIP_HEAD, false),
                        tuple(TeamRole.GRID_WORKER, false),
                        tuple(TeamRole.RELATIVE, true),
                        tuple(TeamRole.FAMILIAR_OFFICER, true));
        assertThat(team.get(0).relation()).isEqualTo("COMMUNITY_OFFICER");
        assertThat(team.get(2).unitCode()).isEqualTo(grid.grid());
    }

    @Test
    void two_subjects_with_one_key_are_refused() {
        var key = UUID.randomUUID();
        var subject = new TeamSubject(key, null, Placement.NONE, AT);
        assertThatThrownBy(() -> assembly.assemble(List.of(subject, subject)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(assembly.assemble(List.of())).isEmpty();
    }

    // ---------------------------------------------------------------- people the tests register

    @Test
    @Transactional
    void kin_living_nearer_come_first_and_minors_never_join() {
        var home = grid("TRUE");
        var sameStation = grid("station_code = '" + home.station() + "' AND code <> '" + home.grid() + "'");
        var elsewhere = grid("station_code <> '" + home.station() + "'");
        var person = resident("王测试", "M", LocalDate.of(1970, 5, 1), home, null, null);
        var sibling = resident("王姐姐", "F", LocalDate.of(1968, 2, 1), home, null, null);
        var parent = resident("王父亲", "M", LocalDate.of(1945, 1, 1), sameStation, null, null);
        var spouse = resident("李配偶", "F", LocalDate.of(1972, 1, 1), elsewhere, null, null);
        // turns 18 the day after AT: still a minor when the team is needed
        var child = resident(
                "王孩子", "M", LocalDate.ofInstant(AT, LOCAL).minusYears(18).plusDays(1), home, null, null);
        tie(sibling, person, Relation.SIBLING);
        tie(parent, person, Relation.PARENT);
        tie(spouse, person, Relation.SPOUSE);
        tie(child, person, Relation.CHILD);
        var key = UUID.randomUUID();

        var team = assembly.assemble(List.of(new TeamSubject(key, person, home.placement(), AT)))
                .get(key);

        // the sibling in the same grid outranks the parent, who outranks the spouse living elsewhere:
        // where kin live comes before how close they are; the minor child in the same grid is left out
        assertThat(members(team, TeamRole.RELATIVE))
                .extracting(TeamMember::residentId, TeamMember::relation, TeamMember::reasonZh, TeamMember::reasonEn)
                .containsExactly(
                        tuple(sibling, "SIBLING", "其姐姐，住同一网格", "Their older sister, living in the same grid"),
                        tuple(parent, "PARENT", "其父亲，住同一派出所辖区", "Their father, living in the same station's area"));

        // with the nearer two gone, the spouse elsewhere is next
        jdbc.sql(
                        "DELETE FROM residents.tie WHERE :p IN (resident_id, other_id) AND relation IN ('SIBLING', 'PARENT', 'CHILD')")
                .param("p", person)
                .update();
        var again = assembly.assemble(List.of(new TeamSubject(key, person, home.placement(), AT)))
                .get(key);
        assertThat(members(again, TeamRole.RELATIVE))
                .extracting(TeamMember::residentId, TeamMember::reasonEn)
                .containsExactly(tuple(spouse, "Their spouse, living elsewhere"));
    }

    @Test
    @Transactional
    void a_person_without_kin_or_known_officers_has_both_gaps_stated() {
        var home = grid("TRUE");
        var loner = resident("赵独居", "F", LocalDate.of(1950, 1, 1), home, uniqueAddress(home, "3栋"), null);
        var parentOfMinor = resident("赵家长", "F", LocalDate.of(1990, 1, 1), home, uniqueAddress(home, "4栋"), null);
        var minor = resident("赵小孩", "M", LocalDate.of(2015, 1, 1), home, null, null);
        tie(minor, parentOfMinor, Relation.CHILD);
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();

        var teams = assembly.assemble(List.of(
                new TeamSubject(a, loner, home.placement(), AT),
                new TeamSubject(b, parentOfMinor, home.placement(), AT)));

        assertThat(members(teams.get(a), TeamRole.RELATIVE)).singleElement().satisfies(m -> {
            assertThat(m.isMissing()).isTrue();
            assertThat(m.reasonZh()).isEqualTo("登记中无近亲属");
            assertThat(m.reasonEn()).isEqualTo("no kin in the registry");
        });
        assertThat(members(teams.get(a), TeamRole.FAMILIAR_OFFICER))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.isMissing()).isTrue();
                    assertThat(m.reasonZh()).isEqualTo("未找到相识民警");
                    assertThat(m.reasonEn()).isEqualTo("no officer known to the person");
                });
        assertThat(members(teams.get(b), TeamRole.RELATIVE)).singleElement().satisfies(m -> {
            assertThat(m.isMissing()).isTrue();
            assertThat(m.reasonEn()).isEqualTo("no adult kin in the registry");
        });
    }

    @Test
    @Transactional
    void familiar_officers_anywhere_in_the_city_are_ranked_by_how_they_know_the_person() {
        var home = grid("TRUE");
        var stationB = otherStation(home.station(), null);
        var stationC = otherStation(home.station(), stationB);
        var village = "测试省测试县老家村" + UUID.randomUUID();
        var address = uniqueAddress(home, "7栋1单元101室");
        var person = resident("孙测试", "M", LocalDate.of(1980, 6, 1), home, address, village);

        // an older brother who is an officer at another station, and a colleague too: counted once, as KIN
        var brother = officer(
                "周建军", "M", LocalDate.of(1975, 1, 1), stationB, grid("station_code = '" + stationB + "'"), null, null);
        tie(brother.residentId, person, Relation.SIBLING);
        tie(brother.residentId, person, Relation.COLLEAGUE);
        // an officer from the same home village (no tie: the registered village matches), a third station
        var fellow = officer(
                "吴志强",
                "M",
                LocalDate.of(1978, 1, 1),
                stationC,
                grid("station_code = '" + stationC + "'"),
                null,
                village);
        // an officer living in the same building, another unit
        var neighbour = officer(
                "郑海涛",
                "M",
                LocalDate.of(1985, 1, 1),
                home.station(),
                home,
                address.replace("7栋1单元101室", "7栋2单元301室"),
                null);
        // a classmate: ranked below the three above, so beyond the limit
        var classmate = officer("冯磊", "M", LocalDate.of(1980, 3, 1), stationB, grid("TRUE"), null, null);
        tie(classmate.residentId, person, Relation.CLASSMATE);

        // a second person who knows officers only from school and work
        var other = resident("钱测试", "F", LocalDate.of(1979, 1, 1), home, uniqueAddress(home, "9栋"), null);
        var colleague = officer("陶刚", "M", LocalDate.of(1979, 5, 1), stationC, grid("TRUE"), null, null);
        tie(colleague.residentId, other, Relation.COLLEAGUE);
        tie(classmate.residentId, other, Relation.CLASSMATE);

        // a third from another home village: an officer with a registered home-village tie comes before
        // one who merely registered the same village, though the latter sorts first by name
        var village2 = "测试省测试县另一村" + UUID.randomUUID();
        var third = resident("韩测试", "M", LocalDate.of(1960, 1, 1), home, uniqueAddress(home, "11栋"), village2);
        var sameVillage = officer("丁一", "M", LocalDate.of(1970, 1, 1), stationC, grid("TRUE"), null, village2);
        var tiedVillager = officer("龙二", "M", LocalDate.of(1971, 1, 1), stationC, grid("TRUE"), null, null);
        tie(tiedVillager.residentId, third, Relation.HOME_VILLAGE);

        var p = UUID.randomUUID();
        var q = UUID.randomUUID();
        var r = UUID.randomUUID();
        var teams = assembly.assemble(List.of(
                new TeamSubject(p, person, home.placement(), AT),
                new TeamSubject(q, other, home.placement(), AT),
                new TeamSubject(r, third, home.placement(), AT)));

        var compound = Acquaintances.compoundOf(address);
        assertThat(compound).endsWith(" 7栋");
        assertThat(members(teams.get(p), TeamRole.FAMILIAR_OFFICER))
                .extracting(
                        TeamMember::staffId,
                        TeamMember::unitCode,
                        TeamMember::relation,
                        TeamMember::reasonZh,
                        TeamMember::reasonEn)
                .containsExactly(
                        tuple(
                                brother.id,
                                stationB,
                                "KIN",
                                "民警周某是其哥哥 (KIN)",
                                "Officer Zhou is their older brother (KIN)"),
                        tuple(
                                fellow.id,
                                stationC,
                                "SAME_HOME_VILLAGE",
                                "民警吴某与其老家同为" + village + " (SAME_HOME_VILLAGE)",
                                "Officer Wu comes from the same home village, " + village + " (SAME_HOME_VILLAGE)"),
                        tuple(
                                neighbour.id,
                                home.station(),
                                "SAME_COMPOUND",
                                "民警郑某与其同住" + compound + " (SAME_COMPOUND)",
                                "Officer Zheng lives in the same compound, " + compound + " (SAME_COMPOUND)"));
        assertThat(stationB).isNotEqualTo(home.station());
        assertThat(members(teams.get(p), TeamRole.FAMILIAR_OFFICER))
                .allSatisfy(m -> assertThat(m.name()).doesNotContain("某"))
                .noneMatch(m -> m.reasonZh().contains("建军") || m.reasonZh().contains("志强"));

        assertThat(members(teams.get(q), TeamRole.FAMILIAR_OFFICER))
                .extracting(TeamMember::staffId, TeamMember::relation, TeamMember::reasonEn)
                .containsExactly(
                        tuple(classmate.id, "CLASSMATE", "Officer Feng is their former classmate (CLASSMATE)"),
                        tuple(colleague.id, "COLLEAGUE", "Officer Tao is their colleague (COLLEAGUE)"));

        assertThat(members(teams.get(r), TeamRole.FAMILIAR_OFFICER))
                .extracting(TeamMember::staffId, TeamMember::reasonZh)
                .containsExactly(
                        tuple(tiedVillager.id, "民警龙某是其同乡 (SAME_HOME_VILLAGE)"),
                        tuple(sameVillage.id, "民警丁某与其老家同为" + village2 + " (SAME_HOME_VILLAGE)"));

        // the officer brother is kin too: a relative on the team, marked as police
        assertThat(members(teams.get(p), TeamRole.RELATIVE))
                .extracting(TeamMember::residentId, TeamMember::staffId, TeamMember::reasonZh, TeamMember::reasonEn)
                .containsExactly(tuple(
                        brother.residentId,
                        null,
                        "其哥哥，住其他辖区（亦为民警）",
                        "Their older brother, living elsewhere (also a police officer)"));
    }

    @Test
    @Transactional
    void the_teams_officer_who_knows_the_person_is_named_once_with_the_acquaintance_in_the_reason() {
        var home = grid("TRUE");
        var person = resident("何测试", "M", LocalDate.of(1982, 1, 1), home, uniqueAddress(home, "5栋"), null);
        var communityOfficer =
                jdbc.sql("""
                        SELECT s.id, s.resident_id FROM jurisdiction.staff s
                        JOIN jurisdiction.community_officer c ON c.staff_id = s.id
                        WHERE c.community_code = :c ORDER BY s.name, s.id LIMIT 1
                        """).param("c", home.community()).query(Staff.class).single();
        tie(communityOfficer.residentId, person, Relation.HOME_VILLAGE);
        var key = UUID.randomUUID();

        var team = assembly.assemble(List.of(new TeamSubject(key, person, home.placement(), AT)))
                .get(key);

        assertThat(team.get(0).staffId()).isEqualTo(communityOfficer.id);
        assertThat(team.get(0).relation()).isEqualTo("COMMUNITY_OFFICER");
        assertThat(team.get(0).reasonZh()).contains("且与其相识").endsWith("是其同乡 (SAME_HOME_VILLAGE)");
        assertThat(members(team, TeamRole.FAMILIAR_OFFICER)).singleElement().satisfies(m -> {
            assertThat(m.isMissing()).isTrue();
            assertThat(m.reasonEn()).isEqualTo("no officer known to the person besides the team's officer");
        });
    }

    @Test
    void warned_staff_are_not_on_their_own_team() {
        var row = jdbc.sql("""
                        SELECT s.id, s.resident_id FROM jurisdiction.staff s
                        JOIN jurisdiction.community_officer c ON c.staff_id = s.id
                        ORDER BY s.id LIMIT 1
                        """).query(Staff.class).single();
        // the officer answers for a community; put the warning there
        var served = jdbc.sql("SELECT community_code FROM jurisdiction.community_officer WHERE staff_id = :s LIMIT 1")
                .param("s", row.id)
                .query(String.class)
                .single();
        var gridThere = grid("community_code = '" + served + "'");
        var key = UUID.randomUUID();

        var team = assembly.assemble(List.of(new TeamSubject(key, row.residentId, gridThere.placement(), AT)))
                .get(key);

        // the demo city has one community officer per community: the station's officer on duty stands in
        assertThat(team).noneMatch(m -> row.id.equals(m.staffId()));
        assertThat(team.get(0).relation()).isEqualTo("ON_DUTY");

        // a grid worker living on the grid they work for: the place is stated, not filled by themselves
        var worker = jdbc.sql("""
                        SELECT s.id, s.resident_id FROM jurisdiction.staff s
                        WHERE s.role = 'GRID_WORKER'
                          AND NOT EXISTS (SELECT 1 FROM jurisdiction.staff o
                                          WHERE o.role = 'GRID_WORKER' AND o.unit_code = s.unit_code AND o.id <> s.id)
                        ORDER BY s.id LIMIT 1
                        """).query(Staff.class).single();
        var workerGrid = jdbc.sql("SELECT unit_code FROM jurisdiction.staff WHERE id = :id")
                .param("id", worker.id)
                .query(String.class)
                .single();
        var workerKey = UUID.randomUUID();
        var workerTeam = assembly.assemble(List.of(new TeamSubject(
                        workerKey,
                        worker.residentId,
                        grid("code = '" + workerGrid + "'").placement(),
                        AT)))
                .get(workerKey);
        assertThat(members(workerTeam, TeamRole.GRID_WORKER)).singleElement().satisfies(m -> {
            assertThat(m.isMissing()).isTrue();
            assertThat(m.reasonZh()).isEqualTo("其本人即该网格网格员");
            assertThat(m.reasonEn()).isEqualTo("the person is the grid's worker themselves");
        });
    }

    // ---------------------------------------------------------------- batches

    @Test
    void a_batch_of_a_thousand_is_answered_in_a_fixed_handful_of_statements_and_matches_one_by_one() {
        var subjects = new ArrayList<TeamSubject>();
        jdbc.sql("SELECT id, district_code, station_code, township_code, community_code, grid_code "
                        + "FROM residents.resident ORDER BY id LIMIT 995")
                .query(rs -> {
                    subjects.add(
                            new TeamSubject(UUID.randomUUID(), rs.getObject("id", UUID.class), Placement.read(rs), AT));
                });
        var stations = jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'STATION' ORDER BY code LIMIT 5")
                .query(String.class)
                .list();
        for (var station : stations) {
            subjects.add(new TeamSubject(
                    UUID.randomUUID(), null, new Placement(station.substring(0, 6), station, null, null, null), AT));
        }

        var statements = new AtomicInteger();
        var teams = countingStatements(statements, () -> assembly.assemble(subjects));

        assertThat(teams.keySet())
                .containsExactlyElementsOf(
                        subjects.stream().map(TeamSubject::key).toList());
        // one statement per kind of look-up (ten at most), never one per subject
        assertThat(statements.get()).isBetween(5, 11);
        for (var team : teams.values()) {
            assertThat(team)
                    .extracting(TeamMember::role)
                    .isSortedAccordingTo(java.util.Comparator.naturalOrder())
                    .containsOnlyOnce(TeamRole.OFFICER, TeamRole.GRID_WORKER)
                    .contains(TeamRole.TOWNSHIP_HEAD, TeamRole.RELATIVE, TeamRole.FAMILIAR_OFFICER);
            assertThat(members(team, TeamRole.RELATIVE)).hasSizeLessThanOrEqualTo(TeamAssembly.MAX_RELATIVES);
            assertThat(members(team, TeamRole.FAMILIAR_OFFICER))
                    .hasSizeLessThanOrEqualTo(TeamAssembly.MAX_FAMILIAR_OFFICERS);
        }
        // every registered person in the demo city has a community officer, a head and a grid worker
        assertThat(subjects.subList(0, 995))
                .allSatisfy(
                        s -> assertThat(teams.get(s.key()).get(0).isMissing()).isFalse());
        long withRelatives = teams.values().stream()
                .filter(t -> members(t, TeamRole.RELATIVE).stream().noneMatch(TeamMember::isMissing))
                .count();
        long withFamiliar = teams.values().stream()
                .filter(t -> members(t, TeamRole.FAMILIAR_OFFICER).stream().noneMatch(TeamMember::isMissing))
                .count();
        assertThat(withRelatives).isGreaterThan(500);
        assertThat(withFamiliar).isGreaterThan(50);

        // batching mixes nobody up: a few subjects alone get exactly the team they got in the batch
        for (int i : new int[] {0, 17, 500, 994, 997}) {
            var subject = subjects.get(i);
            assertThat(assembly.assemble(List.of(subject)).get(subject.key()))
                    .as("subject %d", i)
                    .isEqualTo(teams.get(subject.key()));
        }
    }

    // ---------------------------------------------------------------- helpers

    record Staff(UUID id, UUID residentId) {}

    private static List<TeamMember> members(List<TeamMember> team, TeamRole role) {
        return team.stream().filter(m -> m.role() == role).toList();
    }

    private String roleOf(UUID staffId) {
        return jdbc.sql("SELECT role FROM jurisdiction.staff WHERE id = :id")
                .param("id", staffId)
                .query(String.class)
                .single();
    }

    private Placement placementOf(UUID residentId) {
        return jdbc.sql("SELECT district_code, station_code, township_code, community_code, grid_code "
                        + "FROM residents.resident WHERE id = :id")
                .param("id", residentId)
                .query((rs, i) -> Placement.read(rs))
                .single();
    }

    private UUID onDuty(String station, Instant at) {
        return roster.schedule(Scope.city(), at, 1).stream()
                .filter(s -> s.station().code().equals(station))
                .map(DutyShift::officer)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Grid grid(String condition) {
        return jdbc.sql("SELECT district_code AS district, station_code AS station, township_code AS township, "
                        + "community_code AS community, code AS grid FROM jurisdiction.unit WHERE kind = 'GRID' AND "
                        + condition + " ORDER BY code LIMIT 1")
                .query(Grid.class)
                .single();
    }

    private String otherStation(String not, String norThis) {
        return jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'STATION' AND code <> :a AND code <> :b "
                        + "ORDER BY code DESC LIMIT 1")
                .param("a", not)
                .param("b", norThis == null ? "" : norThis)
                .query(String.class)
                .single();
    }

    private static String uniqueAddress(Grid grid, String rest) {
        return "澄川市测试小区" + grid.grid() + "-" + UUID.randomUUID() + " " + rest;
    }

    private UUID resident(String name, String gender, LocalDate birth, Grid grid, String address, String homeVillage) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO residents.resident (id, name, id_number, gender, birth_date, phone, address,
                            home_village, district_code, station_code, township_code, community_code, grid_code)
                        VALUES (:id, :name, :idNumber, :gender, :birth, :phone, :address, :village,
                            :district, :station, :township, :community, :grid)
                        """)
                .param("id", id)
                .param("name", name)
                .param("idNumber", String.format("99%016d", ID_NUMBERS.incrementAndGet()))
                .param("gender", gender)
                .param("birth", birth)
                .param("phone", "199" + String.format("%08d", ID_NUMBERS.get() % 100_000_000L))
                .param("address", address == null ? uniqueAddress(grid, "1组 1号") : address)
                .param("village", homeVillage)
                .param("district", grid.district())
                .param("station", grid.station())
                .param("township", grid.township())
                .param("community", grid.community())
                .param("grid", grid.grid())
                .update();
        return id;
    }

    /** An officer of {@code station}, living on {@code home}: a staff row and the resident behind it. */
    private Staff officer(
            String name,
            String gender,
            LocalDate birth,
            String station,
            Grid home,
            String address,
            String homeVillage) {
        var residentId = resident(name, gender, birth, home, address, homeVillage);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jurisdiction.staff (id, resident_id, name, role, unit_code, phone, title,
                            district_code, station_code)
                        SELECT :id, :resident, :name, 'OFFICER', u.code, :phone, '反诈民警', u.district_code, u.station_code
                        FROM jurisdiction.unit u WHERE u.code = :station
                        """)
                .param("id", id)
                .param("resident", residentId)
                .param("name", name)
                .param("phone", "1990000" + String.format("%04d", ID_NUMBERS.get() % 10_000))
                .param("station", station)
                .update();
        return new Staff(id, residentId);
    }

    /** "{@code a} is {@code relation} of {@code b}", stored both ways as the registry does. */
    private void tie(UUID a, UUID b, Relation relation) {
        jdbc.sql("INSERT INTO residents.tie (resident_id, other_id, relation) VALUES (:a, :b, :r), (:b, :a, :inverse)")
                .param("a", a)
                .param("b", b)
                .param("r", relation.name())
                .param("inverse", relation.inverse().name())
                .update();
    }

    /**
     * Runs {@code work} on one connection of the application's pool that counts the statements prepared
     * on it: the assembly's transaction picks up the bound connection instead of borrowing another.
     */
    private <T> T countingStatements(AtomicInteger count, java.util.function.Supplier<T> work) {
        try (var raw = dataSource.getConnection()) {
            var counting = (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")
                                || method.getName().equals("createStatement")) {
                            count.incrementAndGet();
                        }
                        try {
                            return method.invoke(raw, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(counting));
            try {
                return work.get();
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
