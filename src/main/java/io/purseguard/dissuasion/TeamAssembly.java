package io.purseguard.dissuasion;

import io.purseguard.jurisdiction.DutyRoster;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.StationRotation;
import io.purseguard.residents.Acquaintances;
import io.purseguard.residents.Acquaintances.Kin;
import io.purseguard.residents.Acquaintances.Person;
import io.purseguard.residents.Gender;
import io.purseguard.residents.Relation;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the "4+1" team around each warned person (seed 004) together with the officers the person
 * already knows (熟警, seed 003).
 *
 * <p>Per subject the answer lists, in role order: the {@link TeamRole#OFFICER} (the community officer
 * of the person's community, else the station's officer on duty at {@link TeamSubject#at()}); the
 * {@link TeamRole#TOWNSHIP_HEAD} of the township or street, followed by the head of the person's
 * employer when it is a known large employer (relation {@code EMPLOYER}); the {@link
 * TeamRole#GRID_WORKER}; up to {@value #MAX_RELATIVES} {@link TeamRole#RELATIVE}s; up to {@value
 * #MAX_FAMILIAR_OFFICERS} {@link TeamRole#FAMILIAR_OFFICER}s. A place nobody can fill is stated with
 * {@link TeamMember#missing} and the reason, never skipped.
 *
 * <p>Decisions where the issue is silent:
 *
 * <ul>
 *   <li><b>Where the person is.</b> The subject's placement (where the warning landed) wins. When it
 *       stops above the grid (routed by region, say) and the registry places the person inside it, the
 *       registered placement fills in the community, township and grid; a registered address elsewhere
 *       is ignored, since the warning was deliberately placed where it is.
 *   <li><b>One of several.</b> A community with several community officers, a township with several
 *       heads, a grid with several workers: the first by name (then id), so the answer is stable.
 *   <li><b>The person themselves</b> (staff are residents too) is never a member of their own team: a
 *       warned community officer gets the station's officer on duty instead; a warned grid worker or
 *       township head leaves that place stated as missing ("the person is the grid's worker
 *       themselves").
 *   <li><b>Keys</b> must be distinct: two subjects with one key make the call fail.
 *   <li><b>The township head's gap is stated</b> even when an employer's head is on the team: the
 *       employer's head does not coordinate the township.
 *   <li><b>Relatives</b>: adults (18 or over on the day of {@code at}, Asia/Shanghai) only; ordered by
 *       where they live (the person's grid, then the person's station area, then elsewhere), then by
 *       kinship (spouse, parent, child, sibling), then name. At most {@value #MAX_RELATIVES}: the
 *       relative who watches the money around the clock, and one more in case they cannot be reached.
 *       A relative who is a police officer is listed as a relative (with "also a police officer") and,
 *       under KIN, as a familiar officer too: the two places carry different duties.
 *   <li><b>Familiar officers</b>: each officer counts once, under the best relation (KIN,
 *       SAME_HOME_VILLAGE, SAME_COMPOUND, CLASSMATE, COLLEAGUE); within one relation a registered tie
 *       (a HOME_VILLAGE tie) comes before a shared attribute (the same registered home village), then
 *       an officer serving the person's own station, then by name. The team's OFFICER is not repeated as a
 *       familiar officer; when they know the person, the OFFICER's reason says so instead.
 * </ul>
 *
 * <p>Batched: a call takes any number of subjects and works through them {@value #BATCH} at a time, each
 * batch in a fixed handful of queries (the persons, community officers, duty rotations, township heads,
 * grid workers, employer heads, kin, all officers, the officers' resident records and the ties between
 * the persons and the officers), never a query per subject. The reads are the owners' unscoped
 * {@code …ForAssembly} APIs: the team holds unmasked names and phones, and whatever shows it to a
 * person must mask and scope it.
 */
@Service
@Transactional(readOnly = true)
public class TeamAssembly {

    /** Subjects per batch of queries: an intake batch. */
    static final int BATCH = 1000;

    static final int MAX_RELATIVES = 2;
    static final int MAX_FAMILIAR_OFFICERS = 3;
    static final int ADULT_AGE = 18;

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHIFT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How well the person knows an officer: the relation, then a registered tie before a shared attribute. */
    private static final Comparator<Acquaintance> BETTER =
            Comparator.comparing(Acquaintance::familiarity).thenComparing(a -> !a.byTie());

    private static final List<Relation> KIN_ORDER =
            List.of(Relation.SPOUSE, Relation.PARENT, Relation.CHILD, Relation.SIBLING);

    private final StaffDirectory staff;
    private final DutyRoster roster;
    private final Acquaintances acquaintances;
    private final Clock clock;

    TeamAssembly(StaffDirectory staff, DutyRoster roster, Acquaintances acquaintances, Clock clock) {
        this.staff = staff;
        this.roster = roster;
        this.acquaintances = acquaintances;
        this.clock = clock;
    }

    /**
     * The team for each subject, by the subject's key in the order given, each team in role order.
     *
     * @throws IllegalArgumentException when two subjects share a key
     */
    public Map<UUID, List<TeamMember>> assemble(List<TeamSubject> subjects) {
        var keys = new HashSet<UUID>();
        for (var subject : subjects) {
            Objects.requireNonNull(subject.key(), "a subject needs a key");
            if (!keys.add(subject.key())) {
                throw new IllegalArgumentException("two subjects share the key " + subject.key());
            }
        }
        var teams = new LinkedHashMap<UUID, List<TeamMember>>();
        for (int from = 0; from < subjects.size(); from += BATCH) {
            var batch = subjects.subList(from, Math.min(subjects.size(), from + BATCH));
            new Batch(batch).assemble(teams);
        }
        return teams;
    }

    /** The kinds of acquaintance with an officer, best first. */
    enum Familiarity {
        KIN,
        SAME_HOME_VILLAGE,
        SAME_COMPOUND,
        CLASSMATE,
        COLLEAGUE
    }

    /**
     * Why an officer is familiar: the relation, whether a registered tie says so (rather than a shared
     * home village or compound), and the reason, with the officer's name masked.
     */
    record Acquaintance(
            StaffMember officer, Familiarity familiarity, boolean byTie, String reasonZh, String reasonEn) {}

    /** Where a relative lives, seen from the person: nearer first. */
    private enum Nearness {
        SAME_GRID("住同一网格", "living in the same grid"),
        SAME_STATION("住同一派出所辖区", "living in the same station's area"),
        ELSEWHERE("住其他辖区", "living elsewhere");

        final String zh;
        final String en;

        Nearness(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** One batch's look-ups, made once, and the teams built from them. */
    private final class Batch {

        private final List<TeamSubject> subjects;
        private final Map<UUID, Person> persons;
        private final Map<UUID, Placement> where = new HashMap<>();
        private final Map<String, List<StaffMember>> communityOfficers;
        private final Map<String, StationRotation> rotations;
        private final Map<String, List<StaffMember>> townshipHeads;
        private final Map<String, List<StaffMember>> gridWorkers;
        private final Map<String, List<StaffMember>> employerHeads;
        private final Map<UUID, List<Kin>> kin;
        private final Map<UUID, List<Acquaintance>> familiar;
        private final Set<UUID> officerResidents = new HashSet<>();

        Batch(List<TeamSubject> subjects) {
            this.subjects = subjects;
            var residentIds = subjects.stream()
                    .map(TeamSubject::residentId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            persons = acquaintances.personsForAssembly(residentIds);
            for (var subject : subjects) {
                where.put(subject.key(), where(subject.placement(), person(subject)));
            }
            communityOfficers = staff.communityOfficersForAssembly(codes(Placement::community));
            // the on-duty officer stands in where no community officer (other than the person) can
            var needOnDuty = new HashSet<String>();
            for (var subject : subjects) {
                var at = where.get(subject.key());
                if (at.station() != null && communityOfficer(subject, at).isEmpty()) {
                    needOnDuty.add(at.station());
                }
            }
            rotations = roster.rotationsForAssembly(needOnDuty);
            townshipHeads = staff.staffOfUnitsForAssembly(StaffRole.TOWNSHIP_HEAD, codes(Placement::township));
            gridWorkers = staff.staffOfUnitsForAssembly(StaffRole.GRID_WORKER, codes(Placement::grid));
            employerHeads = staff.employerHeadsForAssembly(persons.values().stream()
                    .map(Person::employer)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList());
            kin = acquaintances.kinForAssembly(persons.keySet());
            familiar = persons.isEmpty() ? new HashMap<>() : familiarOfficers();
        }

        void assemble(Map<UUID, List<TeamMember>> teams) {
            for (var subject : subjects) {
                teams.put(subject.key(), team(subject));
            }
        }

        private Person person(TeamSubject subject) {
            return subject.residentId() == null ? null : persons.get(subject.residentId());
        }

        private List<String> codes(java.util.function.Function<Placement, String> level) {
            return where.values().stream()
                    .map(level)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
        }

        private List<TeamMember> team(TeamSubject subject) {
            var person = person(subject);
            var at = where.get(subject.key());
            var instant = subject.at() == null ? clock.instant() : subject.at();
            var team = new ArrayList<TeamMember>();
            var officer = officer(subject, person, at, instant);
            team.add(officer);
            team.addAll(heads(person, at));
            team.add(gridWorker(person, at));
            team.addAll(relatives(subject, person, at, instant));
            team.addAll(familiarOfficers(subject, person, officer));
            return List.copyOf(team);
        }

        // ------------------------------------------------------------ officer

        private Optional<StaffMember> communityOfficer(TeamSubject subject, Placement at) {
            if (at.community() == null) {
                return Optional.empty();
            }
            return notThePerson(communityOfficers.getOrDefault(at.community(), List.of()), subject.residentId())
                    .findFirst();
        }

        private TeamMember officer(TeamSubject subject, Person person, Placement at, Instant instant) {
            var community = communityOfficer(subject, at);
            if (community.isPresent()) {
                return withFamiliarity(
                        member(
                                TeamRole.OFFICER,
                                community.get(),
                                "COMMUNITY_OFFICER",
                                "社区民警，负责其所在社区",
                                "Community officer for the person's community"),
                        subject);
            }
            if (at.station() == null) {
                return TeamMember.missing(
                        TeamRole.OFFICER,
                        "预警未落到派出所，无法确定民警",
                        "the warning has no police station: no officer can be named");
            }
            var rotation = rotations.get(at.station());
            var onDuty = rotation == null ? Optional.<StaffMember>empty() : rotation.onDutyAt(instant);
            if (onDuty.isPresent() && !onDuty.get().residentId().equals(subject.residentId())) {
                var policy = rotation.policy();
                var shift = policy.shiftStart(policy.shiftDate(instant)).format(SHIFT);
                String whyZh = at.community() == null ? "社区不明" : "其社区未配备社区民警";
                String whyEn = at.community() == null
                        ? "the person's community is not known"
                        : "the person's community has no community officer";
                return withFamiliarity(
                        member(
                                TeamRole.OFFICER,
                                onDuty.get(),
                                "ON_DUTY",
                                "派出所值班民警（" + shift + " 起的班次；" + whyZh + "）",
                                "The station's officer on duty (shift from " + shift + "; " + whyEn + ")"),
                        subject);
            }
            return TeamMember.missing(
                    TeamRole.OFFICER, "未找到社区民警或派出所值班民警", "no community officer and no officer on duty at the station");
        }

        /** The team's officer, when they know the person, says so rather than appearing twice. */
        private TeamMember withFamiliarity(TeamMember officer, TeamSubject subject) {
            if (subject.residentId() == null) {
                return officer;
            }
            var known = familiar.getOrDefault(subject.residentId(), List.of()).stream()
                    .filter(a -> a.officer().id().equals(officer.staffId()))
                    .findFirst();
            if (known.isEmpty()) {
                return officer;
            }
            return new TeamMember(
                    officer.role(),
                    officer.staffId(),
                    officer.residentId(),
                    officer.name(),
                    officer.phone(),
                    officer.unitCode(),
                    officer.relation(),
                    officer.reasonZh() + "；且与其相识：" + known.get().reasonZh(),
                    officer.reasonEn() + "; also known to the person: "
                            + known.get().reasonEn());
        }

        // ------------------------------------------------------------ heads and grid worker

        private List<TeamMember> heads(Person person, Placement at) {
            var heads = new ArrayList<TeamMember>(2);
            UUID self = person == null ? null : person.id();
            if (at.township() == null) {
                heads.add(TeamMember.missing(
                        TeamRole.TOWNSHIP_HEAD,
                        "乡镇（街道）不明，无法确定负责人",
                        "the person's township/street is not known: no head can be named"));
            } else {
                var head = notThePerson(townshipHeads.getOrDefault(at.township(), List.of()), self)
                        .findFirst();
                heads.add(head.map(h -> member(
                                TeamRole.TOWNSHIP_HEAD,
                                h,
                                null,
                                "其所在乡镇（街道）负责人" + titled(h, "（", "）"),
                                "Head of the person's township/street" + titled(h, " (", ")")))
                        .orElseGet(() -> townshipHeads
                                        .getOrDefault(at.township(), List.of())
                                        .isEmpty()
                                ? TeamMember.missing(
                                        TeamRole.TOWNSHIP_HEAD,
                                        "该乡镇（街道）未登记负责人",
                                        "no head registered for the person's township/street")
                                : TeamMember.missing(
                                        TeamRole.TOWNSHIP_HEAD,
                                        "其本人即该乡镇（街道）负责人",
                                        "the person is the township/street's head themselves")));
            }
            if (person != null && person.employer() != null) {
                notThePerson(employerHeads.getOrDefault(person.employer(), List.of()), self)
                        .findFirst()
                        .ifPresent(h -> heads.add(member(
                                TeamRole.TOWNSHIP_HEAD,
                                h,
                                "EMPLOYER",
                                "其工作单位" + person.employer() + "负责人" + titled(h, "（", "）"),
                                "Head of their employer, " + person.employer() + titled(h, " (", ")"))));
            }
            return heads;
        }

        private TeamMember gridWorker(Person person, Placement at) {
            if (at.grid() == null) {
                return TeamMember.missing(
                        TeamRole.GRID_WORKER,
                        "网格不明，无法确定网格员",
                        "the person's grid is not known: no grid worker can be named");
            }
            return notThePerson(gridWorkers.getOrDefault(at.grid(), List.of()), person == null ? null : person.id())
                    .findFirst()
                    .map(w -> member(TeamRole.GRID_WORKER, w, null, "其所在网格的网格员", "Grid worker of the person's grid"))
                    .orElseGet(() -> gridWorkers
                                    .getOrDefault(at.grid(), List.of())
                                    .isEmpty()
                            ? TeamMember.missing(
                                    TeamRole.GRID_WORKER, "该网格未配备网格员", "no grid worker for the person's grid")
                            : TeamMember.missing(
                                    TeamRole.GRID_WORKER, "其本人即该网格网格员", "the person is the grid's worker themselves"));
        }

        // ------------------------------------------------------------ relatives

        private List<TeamMember> relatives(TeamSubject subject, Person person, Placement at, Instant instant) {
            if (person == null) {
                return List.of(TeamMember.missing(
                        TeamRole.RELATIVE, "未匹配到登记人员，无法查找近亲属", "not matched to the registry: no kin can be looked up"));
            }
            var all = kin.getOrDefault(person.id(), List.of());
            if (all.isEmpty()) {
                return List.of(TeamMember.missing(TeamRole.RELATIVE, "登记中无近亲属", "no kin in the registry"));
            }
            var day = instant.atZone(LOCAL).toLocalDate();
            var adults = all.stream()
                    .filter(k -> isAdult(k.relative().birthDate(), day))
                    .sorted(Comparator.<Kin, Nearness>comparing(k -> nearness(k.relative(), at))
                            .thenComparingInt(k -> KIN_ORDER.indexOf(k.relation()))
                            .thenComparing(k -> k.relative().name())
                            .thenComparing(k -> k.relative().id()))
                    .limit(MAX_RELATIVES)
                    .toList();
            if (adults.isEmpty()) {
                return List.of(TeamMember.missing(TeamRole.RELATIVE, "登记中无成年近亲属", "no adult kin in the registry"));
            }
            return adults.stream()
                    .map(k -> {
                        var relative = k.relative();
                        var near = nearness(relative, at);
                        var words = KinWords.of(k.relation(), relative, person);
                        boolean police = officerResidents.contains(relative.id());
                        return new TeamMember(
                                TeamRole.RELATIVE,
                                null,
                                relative.id(),
                                relative.name(),
                                relative.phone(),
                                null,
                                k.relation().name(),
                                "其" + words.zh() + "，" + near.zh + (police ? "（亦为民警）" : ""),
                                "Their " + words.en() + ", " + near.en + (police ? " (also a police officer)" : ""));
                    })
                    .toList();
        }

        // ------------------------------------------------------------ familiar officers

        private List<TeamMember> familiarOfficers(TeamSubject subject, Person person, TeamMember officer) {
            if (person == null) {
                return List.of(TeamMember.missing(
                        TeamRole.FAMILIAR_OFFICER,
                        "未匹配到登记人员，无法查找相识民警",
                        "not matched to the registry: no acquainted officer can be looked up"));
            }
            var known = familiar.getOrDefault(person.id(), List.of());
            var members = known.stream()
                    .filter(a -> !a.officer().id().equals(officer.staffId()))
                    .limit(MAX_FAMILIAR_OFFICERS)
                    .map(a -> member(
                            TeamRole.FAMILIAR_OFFICER,
                            a.officer(),
                            a.familiarity().name(),
                            a.reasonZh(),
                            a.reasonEn()))
                    .toList();
            if (!members.isEmpty()) {
                return members;
            }
            return List.of(
                    known.isEmpty()
                            ? TeamMember.missing(TeamRole.FAMILIAR_OFFICER, "未找到相识民警", "no officer known to the person")
                            : TeamMember.missing(
                                    TeamRole.FAMILIAR_OFFICER,
                                    "除团队民警外未找到相识民警",
                                    "no officer known to the person besides the team's officer"));
        }

        /** For each person of the batch, the officers they know, best first (the person excluded). */
        private Map<UUID, List<Acquaintance>> familiarOfficers() {
            var officers = staff.officersForAssembly();
            var byResident = new HashMap<UUID, StaffMember>();
            for (var o : officers) {
                byResident.put(o.residentId(), o);
            }
            officerResidents.addAll(byResident.keySet());
            var officerPersons = acquaintances.personsForAssembly(byResident.keySet());
            var byVillage = new HashMap<String, List<StaffMember>>();
            var byCompound = new HashMap<String, List<StaffMember>>();
            for (var o : officers) {
                var p = officerPersons.get(o.residentId());
                if (p == null) {
                    continue;
                }
                if (p.homeVillage() != null) {
                    byVillage
                            .computeIfAbsent(p.homeVillage(), k -> new ArrayList<>())
                            .add(o);
                }
                if (p.compound() != null) {
                    byCompound
                            .computeIfAbsent(p.compound(), k -> new ArrayList<>())
                            .add(o);
                }
            }
            var ties = new HashMap<UUID, List<Tie>>();
            for (var tie : acquaintances.tiesForAssembly(persons.keySet(), byResident.keySet())) {
                ties.computeIfAbsent(tie.otherId(), k -> new ArrayList<>()).add(tie);
            }
            var result = new HashMap<UUID, List<Acquaintance>>();
            for (var person : persons.values()) {
                var best = new LinkedHashMap<UUID, Acquaintance>();
                for (var tie : ties.getOrDefault(person.id(), List.of())) {
                    var o = byResident.get(tie.residentId());
                    var familiarity = familiarity(tie.relation());
                    offer(
                            best,
                            o,
                            familiarity,
                            true,
                            tieReason(o, officerPersons.get(o.residentId()), person, tie.relation()));
                }
                if (person.homeVillage() != null) {
                    for (var o : byVillage.getOrDefault(person.homeVillage(), List.of())) {
                        var name = OfficerNames.zh(o.name());
                        offer(best, o, Familiarity.SAME_HOME_VILLAGE, false, new String[] {
                            "民警" + name + "与其老家同为" + person.homeVillage() + " (SAME_HOME_VILLAGE)",
                            "Officer " + OfficerNames.en(o.name()) + " comes from the same home village, "
                                    + person.homeVillage() + " (SAME_HOME_VILLAGE)"
                        });
                    }
                }
                var compound = person.compound();
                if (compound != null) {
                    for (var o : byCompound.getOrDefault(compound, List.of())) {
                        offer(best, o, Familiarity.SAME_COMPOUND, false, new String[] {
                            "民警" + OfficerNames.zh(o.name()) + "与其同住" + compound + " (SAME_COMPOUND)",
                            "Officer " + OfficerNames.en(o.name()) + " lives in the same compound, " + compound
                                    + " (SAME_COMPOUND)"
                        });
                    }
                }
                best.remove(officerOf(person, byResident));
                var home = person.placement().station();
                var ranked = best.values().stream()
                        .sorted(BETTER.thenComparing(a ->
                                        !Objects.equals(a.officer().placement().station(), home))
                                .thenComparing(a -> a.officer().name())
                                .thenComparing(a -> a.officer().id()))
                        .toList();
                if (!ranked.isEmpty()) {
                    result.put(person.id(), ranked);
                }
            }
            return result;
        }

        /** Keeps the better of two ways of knowing an officer: the better relation, else a registered tie. */
        private void offer(
                Map<UUID, Acquaintance> best,
                StaffMember officer,
                Familiarity familiarity,
                boolean byTie,
                String[] reason) {
            var offered = new Acquaintance(officer, familiarity, byTie, reason[0], reason[1]);
            var current = best.get(officer.id());
            if (current == null || BETTER.compare(offered, current) < 0) {
                best.put(officer.id(), offered);
            }
        }

        /** The staff id of the officer who is this person, if any: nobody is their own familiar officer. */
        private UUID officerOf(Person person, Map<UUID, StaffMember> byResident) {
            var self = byResident.get(person.id());
            return self == null ? null : self.id();
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Where the team works: the subject's placement, completed from the registry when it stops above the
     * grid and the registered placement lies inside it.
     */
    static Placement where(Placement given, Person person) {
        var placement = given == null ? Placement.NONE : given;
        if (person == null || placement.grid() != null) {
            return placement;
        }
        var registered = person.placement();
        boolean inside = within(placement.district(), registered.district())
                && within(placement.station(), registered.station())
                && within(placement.township(), registered.township())
                && within(placement.community(), registered.community());
        return inside ? registered : placement;
    }

    private static boolean within(String given, String registered) {
        return given == null || given.equals(registered);
    }

    private static Nearness nearness(Person relative, Placement at) {
        var p = relative.placement();
        if (at.grid() != null && at.grid().equals(p.grid())) {
            return Nearness.SAME_GRID;
        }
        if (at.station() != null && at.station().equals(p.station())) {
            return Nearness.SAME_STATION;
        }
        return Nearness.ELSEWHERE;
    }

    static boolean isAdult(LocalDate birthDate, LocalDate on) {
        return !birthDate.plusYears(ADULT_AGE).isAfter(on);
    }

    private static java.util.stream.Stream<StaffMember> notThePerson(Collection<StaffMember> staff, UUID residentId) {
        return staff.stream().filter(s -> residentId == null || !residentId.equals(s.residentId()));
    }

    private static String titled(StaffMember member, String open, String close) {
        return member.title() == null || member.title().isBlank() ? "" : open + member.title() + close;
    }

    private static TeamMember member(
            TeamRole role, StaffMember staff, String relation, String reasonZh, String reasonEn) {
        return new TeamMember(
                role,
                staff.id(),
                staff.residentId(),
                staff.name(),
                staff.phone(),
                staff.unitCode(),
                relation,
                reasonZh,
                reasonEn);
    }

    private static Familiarity familiarity(Relation relation) {
        return switch (relation) {
            case SPOUSE, PARENT, CHILD, SIBLING -> Familiarity.KIN;
            case HOME_VILLAGE -> Familiarity.SAME_HOME_VILLAGE;
            case CLASSMATE -> Familiarity.CLASSMATE;
            case COLLEAGUE -> Familiarity.COLLEAGUE;
        };
    }

    /** The reason for a tie-based acquaintance; {@code relation} is what the officer is to the person. */
    private static String[] tieReason(StaffMember officer, Person officerPerson, Person person, Relation relation) {
        var zh = "民警" + OfficerNames.zh(officer.name());
        var en = "Officer " + OfficerNames.en(officer.name());
        return switch (relation) {
            case SPOUSE, PARENT, CHILD, SIBLING -> {
                var words = KinWords.of(relation, officerPerson, person);
                yield new String[] {zh + "是其" + words.zh() + " (KIN)", en + " is their " + words.en() + " (KIN)"};
            }
            case HOME_VILLAGE ->
                new String[] {zh + "是其同乡 (SAME_HOME_VILLAGE)", en + " is from their home village (SAME_HOME_VILLAGE)"};
            case CLASSMATE -> new String[] {zh + "是其同学 (CLASSMATE)", en + " is their former classmate (CLASSMATE)"};
            case COLLEAGUE -> new String[] {zh + "是其同事 (COLLEAGUE)", en + " is their colleague (COLLEAGUE)"};
        };
    }

    /** Kinship words for "{@code relative} is {@code relation} of {@code person}". */
    record KinWords(String zh, String en) {

        static KinWords of(Relation relation, Person relative, Person person) {
            boolean female = relative != null && relative.gender() == Gender.F;
            return switch (relation) {
                case SPOUSE -> new KinWords("配偶", "spouse");
                case PARENT -> female ? new KinWords("母亲", "mother") : new KinWords("父亲", "father");
                case CHILD -> female ? new KinWords("女儿", "daughter") : new KinWords("儿子", "son");
                case SIBLING -> {
                    if (relative == null
                            || person == null
                            || relative.birthDate().equals(person.birthDate())) {
                        yield female ? new KinWords("姐妹", "sister") : new KinWords("兄弟", "brother");
                    }
                    boolean older = relative.birthDate().isBefore(person.birthDate());
                    yield female
                            ? older ? new KinWords("姐姐", "older sister") : new KinWords("妹妹", "younger sister")
                            : older ? new KinWords("哥哥", "older brother") : new KinWords("弟弟", "younger brother");
                }
                default -> new KinWords(relation.name(), relation.name().toLowerCase(java.util.Locale.ROOT));
            };
        }
    }
}
