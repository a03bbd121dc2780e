package io.purseguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.Gender;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.Relation;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import io.purseguard.scope.UnitKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCityGeneratorTest {

    static final long SEED = 20261122L;
    static final int RESIDENTS = 6000;

    static DemoCity city;
    static Map<String, Unit> units;
    static Map<UUID, NewResident> residents;

    @BeforeAll
    static void generate() {
        city = DemoCityGenerator.generate(SEED, RESIDENTS);
        units = city.units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        residents = city.residents().stream().collect(Collectors.toMap(NewResident::id, Function.identity()));
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void the_same_seed_gives_the_same_city_byte_for_byte() {
        var again = DemoCityGenerator.generate(SEED, RESIDENTS);

        assertThat(again.digest()).isEqualTo(city.digest());
        assertThat(again.residents()).isEqualTo(city.residents());
        assertThat(again.ties()).isEqualTo(city.ties());
    }

    @Test
    void a_different_seed_gives_a_different_city_on_the_same_map() {
        var other = DemoCityGenerator.generate(SEED + 1, RESIDENTS);

        assertThat(other.digest()).isNotEqualTo(city.digest());
        assertThat(other.units().stream().map(Unit::code).toList())
                .isEqualTo(city.units().stream().map(Unit::code).toList());
    }

    @Test
    void the_digest_covers_ties_in_the_order_the_database_sorts_them() {
        var stored = new ArrayList<Tie>();
        for (var tie : city.ties()) {
            stored.add(tie);
            stored.add(tie.inverse());
        }
        stored.sort(CityDigest.TIE_ORDER);

        assertThat(CityDigest.of(
                        city.units(),
                        city.staff(),
                        city.communityOfficers(),
                        city.rotation(),
                        city.residents(),
                        stored))
                .isEqualTo(city.digest())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void ids_are_the_name_based_uuids_of_the_jdk() throws Exception {
        var md5 = MessageDigest.getInstance("MD5");
        for (String name : List.of("purseguard-demo:20261122:resident:0", "purseguard-demo:1:staff:899", "澄川")) {
            assertThat(DemoCityGenerator.nameUuid(md5, name))
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void uuids_sort_as_postgresql_sorts_them_unsigned() {
        var low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        var high = UUID.fromString("80000000-0000-0000-0000-000000000000");

        assertThat(CityDigest.compareUuids(low, high)).isNegative();
        assertThat(low.compareTo(high)).isPositive(); // why the JDK's own order will not do
    }

    // ---------------------------------------------------------------- the map

    @Test
    void the_map_has_three_districts_thirteen_stations_and_600_grids() {
        var byKind = city.units().stream().collect(Collectors.groupingBy(Unit::kind, Collectors.counting()));

        assertThat(byKind)
                .containsEntry(UnitKind.CITY, 1L)
                .containsEntry(UnitKind.DISTRICT, 3L)
                .containsEntry(UnitKind.TOWNSHIP, 24L)
                .containsEntry(UnitKind.COMMUNITY, 120L)
                .containsEntry(UnitKind.GRID, 600L);
        assertThat(byKind.get(UnitKind.STATION)).isGreaterThanOrEqualTo(12L);
        assertThat(units.get("329900").name()).isEqualTo("澄川市");
        assertThat(units.keySet())
                .contains("329901", "329902", "329903", "329901101", "329901101201", "32990110120101");
    }

    @Test
    void codes_follow_the_administrative_shape() {
        for (var unit : city.units()) {
            String pattern =
                    switch (unit.kind()) {
                        case CITY -> "329900";
                        case DISTRICT -> "32990[1-3]";
                        case STATION -> "32990[1-3]P\\d{2}";
                        case TOWNSHIP -> "32990[1-3]\\d{3}";
                        case COMMUNITY -> "32990[1-3]\\d{6}";
                        case GRID -> "32990[1-3]\\d{8}";
                    };
            assertThat(unit.code()).as(unit.toString()).matches(pattern);
            if (unit.kind() != UnitKind.CITY && unit.kind() != UnitKind.DISTRICT) {
                assertThat(unit.code()).startsWith(unit.parentCode()); // below a district a code extends its parent's
            }
        }
        assertThat(city.units().stream().filter(u -> u.kind() == UnitKind.GRID))
                .allSatisfy(g -> assertThat(g.name()).matches("第[1-5]网格"));
    }

    @Test
    void units_come_parents_first_on_the_primary_tree() {
        var seen = new HashSet<String>();
        for (var unit : city.units()) {
            if (unit.parentCode() != null) {
                assertThat(seen).as(unit.code()).contains(unit.parentCode());
            }
            seen.add(unit.code());
        }
    }

    @Test
    void every_placement_names_the_unit_and_its_ancestors_on_both_trees() {
        for (var unit : city.units()) {
            var p = unit.placement();
            assertThat(p.codeAt(unit.kind()))
                    .as(unit.code())
                    .isEqualTo(unit.kind() == UnitKind.CITY ? null : unit.code());
            switch (unit.kind()) {
                case CITY -> assertThat(p).isEqualTo(Placement.NONE);
                case DISTRICT -> assertThat(p).isEqualTo(new Placement(unit.code(), null, null, null, null));
                case STATION ->
                    assertThat(p).isEqualTo(new Placement(unit.parentCode(), unit.code(), null, null, null));
                case TOWNSHIP ->
                    assertThat(p).isEqualTo(new Placement(unit.parentCode(), null, unit.code(), null, null));
                case COMMUNITY -> {
                    var township = units.get(unit.parentCode());
                    var station = units.get(p.station());
                    assertThat(township.kind()).isEqualTo(UnitKind.TOWNSHIP);
                    assertThat(station.kind()).isEqualTo(UnitKind.STATION);
                    assertThat(station.parentCode()).isEqualTo(township.parentCode());
                    assertThat(p)
                            .isEqualTo(new Placement(
                                    township.parentCode(), station.code(), township.code(), unit.code(), null));
                }
                case GRID -> {
                    var community = units.get(unit.parentCode());
                    var cp = community.placement();
                    assertThat(p)
                            .isEqualTo(new Placement(
                                    cp.district(), cp.station(), cp.township(), cp.community(), unit.code()));
                }
            }
        }
    }

    @Test
    void each_station_answers_for_the_whole_of_one_to_three_townships() {
        var communities = city.units().stream()
                .filter(u -> u.kind() == UnitKind.COMMUNITY)
                .toList();
        var townshipsByStation = communities.stream()
                .collect(Collectors.groupingBy(
                        c -> c.placement().station(), Collectors.mapping(Unit::parentCode, Collectors.toSet())));
        var stationsByTownship = communities.stream()
                .collect(Collectors.groupingBy(
                        Unit::parentCode, Collectors.mapping(c -> c.placement().station(), Collectors.toSet())));

        assertThat(townshipsByStation.keySet())
                .containsExactlyInAnyOrderElementsOf(city.units().stream()
                        .filter(u -> u.kind() == UnitKind.STATION)
                        .map(Unit::code)
                        .toList());
        assertThat(townshipsByStation.values()).allSatisfy(t -> assertThat(t).hasSizeBetween(1, 3));
        assertThat(stationsByTownship.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    }

    @Test
    void populations_add_up_from_grids_to_the_city() {
        var sums = new HashMap<String, Integer>();
        for (var resident : city.residents()) {
            var p = resident.placement();
            for (String code :
                    new String[] {"329900", p.district(), p.station(), p.township(), p.community(), p.grid()}) {
                sums.merge(code, 1, Integer::sum);
            }
        }
        for (var unit : city.units()) {
            assertThat(unit.population()).as(unit.code()).isEqualTo(sums.getOrDefault(unit.code(), 0));
        }
        assertThat(units.get("329900").population()).isEqualTo(city.residents().size());
    }

    // ---------------------------------------------------------------- residents

    @Test
    void at_least_the_requested_residents_live_in_grids_of_the_map() {
        assertThat(city.residents()).hasSizeGreaterThanOrEqualTo(RESIDENTS);
        assertThat(city.residents())
                .allSatisfy(r ->
                        assertThat(units.get(r.placement().grid()).placement()).isEqualTo(r.placement()));
    }

    @Test
    void a_small_request_still_staffs_every_grid() {
        var small = DemoCityGenerator.generate(SEED, 10);

        assertThat(small.residents()).hasSizeGreaterThanOrEqualTo(DemoCityGenerator.MIN_RESIDENTS);
        assertThat(small.staff().stream().filter(s -> s.role() == StaffRole.GRID_WORKER))
                .hasSize(600);
    }

    @Test
    void every_id_number_is_valid_unique_and_matches_a_birth_date_before_the_reference_day() {
        Set<String> regions = new HashSet<>();
        for (var r : city.residents()) {
            assertThat(IdNumber.isValid(r.idNumber().value())).isTrue();
            assertThat(r.idNumber().birthDate()).isBeforeOrEqualTo(DemoCityGenerator.REFERENCE_DATE);
            assertThat(age(r)).isBetween(0, 95);
            regions.add(r.idNumber().regionCode());
        }
        assertThat(city.residents().stream().map(r -> r.idNumber().value()).distinct())
                .hasSize(city.residents().size());
        assertThat(regions).contains("329901", "329902", "329903").hasSizeGreaterThan(5);
    }

    @Test
    void every_phone_is_a_unique_eleven_digit_mobile_and_small_children_have_none() {
        var phones = city.residents().stream()
                .map(NewResident::phone)
                .filter(p -> p != null)
                .toList();

        assertThat(phones).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).matches("1[3-9]\\d{9}"));
        assertThat(phones.size()).isGreaterThan(city.residents().size() * 3 / 4);
        assertThat(city.residents().stream().filter(r -> age(r) < 6))
                .allSatisfy(r -> assertThat(r.phone()).isNull());
    }

    @Test
    void the_age_pyramid_looks_like_a_county() {
        int n = city.residents().size();
        long over60 = city.residents().stream().filter(r -> age(r) >= 60).count();
        long under18 = city.residents().stream().filter(r -> age(r) < 18).count();
        long women = city.residents().stream()
                .filter(r -> r.idNumber().gender() == Gender.F)
                .count();

        assertThat((double) over60 / n).isBetween(0.10, 0.30);
        assertThat((double) under18 / n).isBetween(0.10, 0.30);
        assertThat((double) women / n).isBetween(0.45, 0.55);
        assertThat(city.residents().stream().filter(r -> age(r) >= 85)).isNotEmpty();
        assertThat(city.residents().stream().filter(r -> age(r) == 0)).isNotEmpty();
    }

    @Test
    void occupations_fit_age_and_tags_follow_the_facts() {
        for (var r : city.residents()) {
            int age = age(r);
            if (age >= 6 && age < 18) {
                assertThat(r.occupation()).isEqualTo("学生");
            }
            if (age < 6) {
                assertThat(r.occupation()).isEqualTo("学龄前");
            }
            assertThat(r.tags().contains("老年人")).as(r.name()).isEqualTo(age >= 60);
            assertThat(r.tags().contains("学生")).isEqualTo("学生".equals(r.occupation()));
            if (r.tags().contains("高校学生")) {
                assertThat(age).isBetween(18, 22);
            }
            if (r.tags().contains("独居老人")) {
                assertThat(r.tags()).contains("老年人");
            }
        }
        var occupations = city.residents().stream().map(NewResident::occupation).collect(Collectors.toSet());
        assertThat(occupations)
                .contains("学生", "退休", "农民", "工厂工人", "教师", "个体经营", "公司职员", "外卖骑手", "司机", "医护", "公务员", "民警");
        var tags = city.residents().stream().flatMap(r -> r.tags().stream()).collect(Collectors.toSet());
        assertThat(tags).contains("老年人", "独居老人", "学生", "青少年", "外来人口", "新市民", "企业员工", "高校学生");
    }

    @Test
    void migrants_are_about_fifteen_percent_and_come_from_elsewhere() {
        var migrants =
                city.residents().stream().filter(r -> r.tags().contains("外来人口")).toList();

        assertThat((double) migrants.size() / city.residents().size()).isBetween(0.12, 0.20);
        assertThat(migrants).allSatisfy(r -> {
            assertThat(r.idNumber().regionCode()).doesNotStartWith("3299");
            assertThat(r.homeVillage()).doesNotStartWith("澄川市");
        });
    }

    @Test
    void addresses_read_like_real_ones() {
        assertThat(city.residents())
                .allSatisfy(r -> assertThat(r.address()).startsWith("澄川市").matches(".*(室|号)$"));
        assertThat(city.residents())
                .anySatisfy(r -> assertThat(r.address()).matches("澄川市.+区.+(街道|镇).+社区 \\d+栋\\d单元\\d+室"))
                .anySatisfy(r -> assertThat(r.address()).matches("澄川市.+区.+(镇|乡).+村 \\d组 \\d+号"));
    }

    @Test
    void large_employers_have_staff_sized_workforces() {
        var byEmployer = city.residents().stream()
                .filter(r -> r.employer() != null)
                .collect(Collectors.groupingBy(NewResident::employer, Collectors.counting()));

        assertThat(Employer.LARGE).hasSizeGreaterThanOrEqualTo(20);
        for (var employer : Employer.LARGE) {
            assertThat(byEmployer.getOrDefault(employer.name(), 0L))
                    .as(employer.name())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- ties

    @Test
    void ties_are_each_pair_once_never_to_oneself_and_a_few_per_person() {
        var keys = new HashSet<String>();
        for (var tie : city.ties()) {
            assertThat(tie.residentId()).isNotEqualTo(tie.otherId());
            assertThat(residents).containsKey(tie.residentId()).containsKey(tie.otherId());
            assertThat(keys.add(key(tie))).as("duplicate " + tie).isTrue();
            assertThat(keys.add(key(tie.inverse())))
                    .as("stored inverse collides: " + tie)
                    .isTrue();
        }
        double perResident = (double) city.ties().size() / city.residents().size();
        assertThat(perResident).isBetween(3.0, 6.0);
        var relations = city.ties().stream().map(Tie::relation).collect(Collectors.toSet());
        assertThat(relations)
                .containsExactlyInAnyOrder(
                        Relation.SPOUSE,
                        Relation.PARENT,
                        Relation.SIBLING,
                        Relation.COLLEAGUE,
                        Relation.CLASSMATE,
                        Relation.HOME_VILLAGE);
    }

    @Test
    void kin_ties_respect_age_and_gender() {
        for (var tie : city.ties()) {
            var a = residents.get(tie.residentId());
            var b = residents.get(tie.otherId());
            switch (tie.relation()) {
                case PARENT ->
                    assertThat(age(a) - age(b)).as(a + " parent of " + b).isGreaterThanOrEqualTo(18);
                case SPOUSE -> {
                    assertThat(a.idNumber().gender()).isNotEqualTo(b.idNumber().gender());
                    assertThat(Math.min(age(a), age(b))).isGreaterThanOrEqualTo(20);
                }
                case CLASSMATE ->
                    assertThat(a.idNumber().birthDate().getYear())
                            .isEqualTo(b.idNumber().birthDate().getYear());
                case HOME_VILLAGE -> assertThat(a.homeVillage()).isEqualTo(b.homeVillage());
                case COLLEAGUE -> assertThat(a.employer()).isNotNull().isEqualTo(b.employer());
                default -> {}
            }
        }
    }

    // ---------------------------------------------------------------- staff

    @Test
    void several_hundred_staff_each_a_resident_placed_at_their_unit() {
        assertThat(city.staff()).hasSizeBetween(300, 1500);
        assertThat(city.staff().stream().map(StaffMember::residentId).distinct())
                .hasSize(city.staff().size());
        for (var s : city.staff()) {
            var resident = residents.get(s.residentId());
            assertThat(resident).as(s.name()).isNotNull();
            assertThat(resident.name()).isEqualTo(s.name());
            assertThat(resident.phone()).isEqualTo(s.phone()).isNotNull();
            var unit = units.get(s.unitCode());
            assertThat(s.placement()).isEqualTo(unit.placement());
            var expectedKind =
                    switch (s.role()) {
                        case OFFICER -> UnitKind.STATION;
                        case TOWNSHIP_HEAD -> UnitKind.TOWNSHIP;
                        case GRID_WORKER -> UnitKind.GRID;
                        case EMPLOYER_HEAD -> UnitKind.COMMUNITY;
                    };
            assertThat(unit.kind()).isEqualTo(expectedKind);
            assertThat(s.employer() != null).isEqualTo(s.role() == StaffRole.EMPLOYER_HEAD);
        }
    }

    @Test
    void every_station_has_fifteen_to_twenty_five_officers_and_a_rotation_of_at_least_four() {
        var officersByStation = city.staff().stream()
                .filter(s -> s.role() == StaffRole.OFFICER)
                .collect(Collectors.groupingBy(StaffMember::unitCode));
        var officerIds = city.staff().stream().map(StaffMember::id).collect(Collectors.toSet());

        assertThat(officersByStation.values()).allSatisfy(o -> assertThat(o).hasSizeBetween(15, 25));
        var slots = city.rotation().stream().collect(Collectors.groupingBy(d -> d.stationCode()));
        assertThat(slots.keySet()).isEqualTo(officersByStation.keySet());
        slots.forEach((station, rotation) -> {
            assertThat(rotation).hasSizeGreaterThanOrEqualTo(4);
            assertThat(rotation.stream().map(d -> d.slot()))
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, rotation.size())
                            .boxed()
                            .toList());
            assertThat(rotation).allSatisfy(d -> assertThat(officersByStation.get(station))
                    .extracting(StaffMember::id)
                    .contains(d.staffId()));
        });
        assertThat(city.rotation()).allSatisfy(d -> assertThat(officerIds).contains(d.staffId()));
    }

    @Test
    void every_community_has_one_community_officer_from_its_own_station() {
        var staffById = city.staff().stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
        var communities = city.units().stream()
                .filter(u -> u.kind() == UnitKind.COMMUNITY)
                .toList();

        assertThat(city.communityOfficers()).hasSize(communities.size());
        for (var co : city.communityOfficers()) {
            var officer = staffById.get(co.staffId());
            assertThat(officer.role()).isEqualTo(StaffRole.OFFICER);
            assertThat(officer.title()).isEqualTo("社区民警");
            assertThat(officer.unitCode())
                    .isEqualTo(units.get(co.communityCode()).placement().station());
        }
    }

    @Test
    void every_grid_has_a_worker_every_township_a_head_every_large_employer_a_head() {
        var byRole = city.staff().stream().collect(Collectors.groupingBy(StaffMember::role));

        assertThat(byRole.get(StaffRole.GRID_WORKER).stream()
                        .map(StaffMember::unitCode)
                        .distinct())
                .hasSize(600);
        assertThat(byRole.get(StaffRole.TOWNSHIP_HEAD).stream()
                        .collect(Collectors.groupingBy(StaffMember::unitCode, Collectors.counting())))
                .hasSize(24)
                .allSatisfy((township, heads) -> assertThat(heads).isBetween(1L, 2L));
        assertThat(byRole.get(StaffRole.EMPLOYER_HEAD))
                .extracting(StaffMember::employer)
                .containsExactlyInAnyOrderElementsOf(
                        Employer.LARGE.stream().map(Employer::name).toList());
    }

    @Test
    void at_least_fifty_officers_know_an_ordinary_resident_through_kin_or_home_village() {
        var staffResidents = city.staff().stream().map(StaffMember::residentId).collect(Collectors.toSet());
        var officers = city.staff().stream()
                .filter(s -> s.role() == StaffRole.OFFICER)
                .map(StaffMember::residentId)
                .collect(Collectors.toSet());
        var familiar = new HashSet<UUID>();
        for (var tie : city.ties()) {
            if (!tie.relation().isKin() && tie.relation() != Relation.HOME_VILLAGE) {
                continue;
            }
            if (officers.contains(tie.residentId()) && !staffResidents.contains(tie.otherId())) {
                familiar.add(tie.residentId());
            }
            if (officers.contains(tie.otherId()) && !staffResidents.contains(tie.residentId())) {
                familiar.add(tie.otherId());
            }
        }

        assertThat(familiar).hasSizeGreaterThanOrEqualTo(50);
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void demo_accounts_cover_every_role_and_fit_their_scopes() {
        // every role a person works in; the upstream bridge and operations are machines' roles (API tokens)
        var peoplesRoles = java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.INTAKE_BRIDGE, Role.OPERATIONS));
        assertThat(DemoAccounts.ALL.stream().map(DemoAccount::role).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(peoplesRoles);
        assertThat(DemoAccounts.ALL).extracting(DemoAccount::username).doesNotHaveDuplicates();
        assertThat(DemoAccounts.ALL).allSatisfy(a -> {
            assertThat(a.password()).isEqualTo("demo123");
            if (a.scope().seesPeople() && a.scope().code() != null) {
                assertThat(units.get(a.scope().code()).kind())
                        .isEqualTo(a.role().scopeLevel());
            } else {
                assertThat(a.role().scopeLevel()).isIn(null, UnitKind.CITY);
            }
        });
        assertThat(DemoAccounts.STATION2.scope()).isNotEqualTo(DemoAccounts.STATION.scope());
    }

    @Test
    void linked_accounts_sign_in_as_staff_of_their_own_unit() {
        var staffById = city.staff().stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));

        assertThat(city.accountStaff()).containsOnlyKeys("station", "station2", "grid", "township");
        city.accountStaff().forEach((username, staffId) -> {
            var account = DemoAccounts.byUsername(username).orElseThrow();
            var member = staffById.get(staffId);
            assertThat(member.unitCode()).isEqualTo(account.scope().code());
        });
        var grid = staffById.get(city.accountStaff().get("grid"));
        assertThat(grid.role()).isEqualTo(StaffRole.GRID_WORKER);
        assertThat(grid.placement().station())
                .isEqualTo(DemoAccounts.STATION.scope().code());
        assertThat(staffById.get(city.accountStaff().get("township")).role()).isEqualTo(StaffRole.TOWNSHIP_HEAD);
    }

    private static int age(NewResident r) {
        return Period.between(r.idNumber().birthDate(), DemoCityGenerator.REFERENCE_DATE)
                .getYears();
    }

    private static String key(Tie tie) {
        return tie.residentId() + "/" + tie.otherId() + "/" + tie.relation();
    }
}
