package io.purseguard.demo;

import io.purseguard.demo.CityPlan.Community;
import io.purseguard.demo.CityPlan.Grid;
import io.purseguard.demo.CityPlan.Township;
import io.purseguard.demo.CityPlan.TownshipType;
import io.purseguard.demo.Employer.Kind;
import io.purseguard.jurisdiction.CommunityOfficer;
import io.purseguard.jurisdiction.DutySlot;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.Relation;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import io.purseguard.scope.UnitKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Generates 澄川市: families living in households on the fixed {@link CityPlan}, their jobs, staff
 * drawn from among them, and the ties that familiar-officer matching and targeted publicity use.
 *
 * <p>Byte-for-byte deterministic: every draw comes from random streams split off one seed in a fixed
 * order, ages are relative to {@link #REFERENCE_DATE} (never the wall clock), ids are name-based
 * UUIDs, and every collection whose order shows is a list or an insertion-ordered map.
 */
final class DemoCityGenerator {

    /** Enough people to staff every grid, station and township from among them. */
    static final int MIN_RESIDENTS = 2000;

    /** Ages are taken on this day, so the city is the same whatever day it is generated. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    /** Share of girls among births: about 104 boys per 100 girls, near China's sex ratio at birth. */
    static final double FEMALE_SHARE = 0.49;

    /** People registered elsewhere who live and work here (外来人口). */
    static final double MIGRANT_SHARE = 0.15;

    /** Old people whose children all live in other cities (a county's 空巢老人). */
    static final double LEFT_BEHIND_SHARE = 0.35;

    /** Students living in the college's dormitories. */
    static final double COLLEGE_SHARE = 0.025;

    static final String[] PHONE_PREFIXES = {
        "133", "135", "138", "139", "150", "151", "158", "159", "177", "180", "186", "187", "189", "199"
    };

    /** Where migrants come from: a real-looking region code, the county, and some of its villages. */
    private static final String[][] MIGRANT_ORIGINS = {
        {"510722", "四川省三台县", "石安镇白鹤村,芦溪镇金鼓村,西平镇青龙村,古井镇双河村"},
        {"430524", "湖南省隆回县", "桃洪镇茶山村,六都寨镇太平村,荷香桥镇白竹村"},
        {"411524", "河南省商城县", "上石桥镇刘寨村,鄢岗镇张庄村,丰集镇何店村"},
        {"522422", "贵州省大方县", "猫场镇兴隆村,羊场镇红岩村,黄泥塘镇新店村"},
        {"360732", "江西省兴国县", "长冈乡塘石村,高兴镇老营盘村,埠头乡程水村"},
        {"342422", "安徽省寿县", "正阳关镇姚湾村,安丰塘镇戈店村,瓦埠镇铁佛村"},
        {"450722", "广西壮族自治区浦北县", "寨圩镇五马村,龙门镇大沙村"},
        {"621121", "甘肃省通渭县", "平襄镇孟河村,马营镇华川村"}
    };

    /** Full names of each origin's villages, by region code. */
    private static final Map<String, String[]> MIGRANT_VILLAGES = new LinkedHashMap<>();

    static {
        for (String[] origin : MIGRANT_ORIGINS) {
            MIGRANT_VILLAGES.put(
                    origin[0],
                    java.util.Arrays.stream(origin[2].split(","))
                            .map(v -> origin[1] + v)
                            .toArray(String[]::new));
        }
    }

    private static final String[] FIRM_WORDS = "宏达,鑫源,恒通,金鹏,永盛,华宇,顺发,瑞丰,佳美,兴旺,盛世,联创,德润,安泰,富康,利民".split(",");
    private static final String[] FACTORY_TRADES = "塑料制品,五金,服装,包装,家具,建材,机械配件,印刷".split(",");
    private static final String[] COMPANY_TRADES = "商贸,科技,物业服务,装饰工程,广告传媒,房地产经纪,网络科技,餐饮管理,劳务派遣,教育咨询".split(",");
    private static final String[] SHOP_TRADES = "面馆,五金店,便利店,理发店,水果店,服装店,建材店,修车铺,小吃店,超市".split(",");

    private static final String STUDENT = "学生";
    private static final String PRESCHOOL = "学龄前";
    private static final String RETIRED = "退休";
    private static final String FARMER = "农民";
    private static final String SELF_EMPLOYED = "个体经营";
    private static final String CIVIL_SERVANT = "公务员";
    private static final String FREELANCER = "自由职业";
    private static final String JOBLESS = "无业";
    private static final String POLICE = "民警";
    private static final String GRID_WORKER = "网格员";
    private static final String MANAGER = "企业负责人";

    // occupations of working age and their weights, by where a person lives
    private static final String[] JOBS = {
        FARMER,
        Employer.FACTORY_WORKER,
        Employer.CLERK,
        SELF_EMPLOYED,
        Employer.RIDER,
        Employer.DRIVER,
        Employer.TEACHER,
        Employer.MEDIC,
        CIVIL_SERVANT,
        FREELANCER,
        JOBLESS
    };
    private static final double[] URBAN_JOBS = {2, 20, 24, 12, 5, 6, 5, 5, 4, 7, 7};
    private static final double[] TOWN_JOBS = {15, 24, 14, 12, 3, 6, 4, 4, 3, 6, 7};
    private static final double[] VILLAGE_JOBS = {45, 15, 5, 10, 2, 6, 2, 2, 1, 4, 6};
    private static final double[] MIGRANT_JOBS = {1, 40, 15, 15, 15, 8, 0, 0, 0, 4, 3};

    private final long seed;
    private final int target;
    private final CityPlan plan = CityPlan.build();

    // one stream per phase, split in a fixed order: tuning how much one phase draws leaves the
    // draws of the other phases where they were
    private final SplittableRandom families;
    private final SplittableRandom jobs;
    private final SplittableRandom staffing;
    private final SplittableRandom identities;
    private final SplittableRandom acquaintances;

    private final List<Person> persons = new ArrayList<>();
    private final List<Household> households = new ArrayList<>();
    private final TieSet ties = new TieSet();
    private final Map<String, Employer> smallEmployers = new LinkedHashMap<>();
    private final List<Community> villages;
    private final Map<String, List<Community>> villagesByDistrict = new LinkedHashMap<>();
    private final double[] originWeights;
    private final double[] movingWeights;
    private final double[] migrantWeights;
    private final Set<String> usedAddresses = new HashSet<>();
    private final int[] ruralHouseNumbers;
    private final MessageDigest md5;
    private int nextClan;
    private int dormitoryBeds;

    private final List<StaffDraft> staff = new ArrayList<>();
    private final List<CommunityOfficer> communityOfficers = new ArrayList<>();
    private final List<DutySlot> rotation = new ArrayList<>();
    private final Map<String, StaffDraft> accountStaff = new LinkedHashMap<>();

    private DemoCityGenerator(long seed, int target) {
        this.seed = seed;
        this.target = target;
        var root = new SplittableRandom(seed);
        this.families = root.split();
        this.jobs = root.split();
        this.staffing = root.split();
        this.identities = root.split();
        this.acquaintances = root.split();
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
        this.villages = plan.communities.stream().filter(c -> c.village).toList();
        for (var district : plan.districts) {
            villagesByDistrict.put(
                    district.code,
                    villages.stream()
                            .filter(v -> v.township.district == district)
                            .toList());
        }
        this.ruralHouseNumbers = new int[plan.grids.size()];
        int n = plan.communities.size();
        originWeights = new double[n];
        movingWeights = new double[n];
        migrantWeights = new double[n];
        for (int i = 0; i < n; i++) {
            var community = plan.communities.get(i);
            // communities differ in size; the factor is drawn, so populations vary by seed
            double size = 0.6 + 0.8 * families.nextDouble();
            boolean street = community.township.type == TownshipType.STREET;
            originWeights[i] = size * (community.village ? 1.0 : street ? 1.5 : 1.3);
            movingWeights[i] = size * (community.village ? 0.4 : street ? 2.5 : 1.5);
            migrantWeights[i] = size * (community.village ? 0.3 : street ? 3.0 : 2.0);
        }
    }

    /**
     * Generates the city for {@code seed} with at least {@code residents} people (never fewer than
     * {@link #MIN_RESIDENTS}: the city's ~900 staff are residents too).
     */
    static DemoCity generate(long seed, int residents) {
        return new DemoCityGenerator(seed, Math.max(residents, MIN_RESIDENTS)).run();
    }

    private DemoCity run() {
        populate();
        assignJobs();
        appointStaff();
        issueIdentities();
        linkAcquaintances();
        return assemble();
    }

    // ---------------------------------------------------------------- people and households

    private void populate() {
        int students = (int) Math.round(target * COLLEGE_SHARE);
        for (int i = 0; i < students; i++) {
            collegeStudent();
        }
        int migrants = 0;
        while (persons.size() < target) {
            int before = persons.size();
            if (migrants < MIGRANT_SHARE * persons.size()) {
                migrantHousehold();
                migrants += persons.size() - before;
            } else {
                localFamily();
            }
        }
    }

    /** A family line rooted in its oldest living generation, spreading over households nearby. */
    private void localFamily() {
        int clan = nextClan++;
        var random = families;
        var home = plan.communities.get(pick(originWeights, random));
        var homeVillage = home.village ? home : villageNear(home, random);
        int rootAge = rootAge(random);
        boolean couple = random.nextDouble() < (rootAge < 70 ? 0.88 : rootAge < 80 ? 0.7 : rootAge < 88 ? 0.45 : 0.25);
        boolean rootFemale = !couple && random.nextDouble() < 0.65; // widows outlive widowers
        var household = newHousehold(home.grids.get(random.nextInt(home.grids.size())), random);
        var root = newPerson(clan, rootAge, rootFemale, Names.surname(random), homeVillage, random);
        root.region = homeVillage.township.district.code;
        root.grewUp = homeVillage;
        household.add(root);
        Person partner = null;
        if (couple) {
            partner = marry(root, clan, random);
            household.add(partner);
        }
        if (rootAge >= 60 && random.nextDouble() < LEFT_BEHIND_SHARE) {
            return; // 空巢: the children work in other cities, so the old stay on their own here
        }
        List<Household> childHomes = raise(root, partner, household, clan, random);
        // the old often move in with a married child
        boolean aloneWithPartner = household.members.size() == (couple ? 2 : 1);
        boolean moveIn =
                couple ? rootAge >= 80 && random.nextDouble() < 0.3 : rootAge >= 75 && random.nextDouble() < 0.5;
        if (aloneWithPartner && moveIn && !childHomes.isEmpty()) {
            var to = childHomes.get(random.nextInt(childHomes.size()));
            for (var member : household.members) {
                to.add(member);
            }
            household.members.clear();
        }
    }

    private static int rootAge(SplittableRandom random) {
        // the oldest living generation of a family, by five-year band from 50
        double[] bands = {5, 9, 13, 16, 17, 15, 12, 8, 4};
        int band = pick(bands, random);
        return Math.min(95, 50 + band * 5 + random.nextInt(5));
    }

    /**
     * Children of a couple (or of a widowed parent), recursively their marriages and children.
     *
     * @return the households of married children
     */
    private List<Household> raise(Person blood, Person partner, Household home, int clan, SplittableRandom random) {
        var homes = new ArrayList<Household>();
        int motherAge = partner == null ? blood.age : Math.min(blood.age, partner.age);
        int count = childCount(blood.birthYear(), home.grid.community.village, random);
        var father = blood.female && partner != null ? partner : blood;
        // a widow's children carry their late father's surname
        String surname = blood.female && partner == null ? Names.surname(random) : father.surname;
        var siblings = new ArrayList<Person>();
        for (int i = 0; i < count; i++) {
            int age = motherAge - (22 + random.nextInt(13));
            if (age < 0) {
                continue; // not born yet
            }
            var child = newPerson(clan, age, random.nextDouble() < FEMALE_SHARE, surname, null, random);
            // surname and 老家 follow the father's line
            child.homeVillage = father.homeVillage;
            child.homeVillageName = father.homeVillageName;
            child.region = home.grid.community.township.district.code;
            child.grewUp = home.grid.community;
            ties.add(blood, child, Relation.PARENT);
            if (partner != null) {
                ties.add(partner, child, Relation.PARENT);
            }
            for (var sibling : siblings) {
                ties.add(sibling, child, Relation.SIBLING);
            }
            siblings.add(child);
            if (age >= 23 && random.nextDouble() < marriageChance(age)) {
                var spouse = marry(child, clan, random);
                var own = newHousehold(gridNear(home.grid, random), random);
                own.add(child);
                own.add(spouse);
                homes.add(own);
                raise(child, spouse, own, clan, random);
            } else if (age >= 30) {
                var own = newHousehold(gridNear(home.grid, random), random);
                own.add(child);
            } else {
                home.add(child);
            }
        }
        return homes;
    }

    private static int childCount(int birthYear, boolean village, SplittableRandom random) {
        double u = random.nextDouble();
        if (birthYear < 1945) {
            return 3 + random.nextInt(3);
        } else if (birthYear < 1960) {
            return 2 + random.nextInt(3);
        } else if (birthYear < 1975) {
            return u < (village ? 0.6 : 0.15) ? 2 : 1; // the one-child years, looser in villages
        } else if (birthYear < 1990) {
            return u < 0.08 ? 0 : u < (village ? 0.55 : 0.35) ? 2 : 1;
        }
        return u < 0.25 ? 0 : u < 0.75 ? 1 : 2;
    }

    private static double marriageChance(int age) {
        return age < 27 ? 0.35 : age < 30 ? 0.65 : age < 40 ? 0.85 : 0.92;
    }

    /** A spouse married in: from another village of the city, or now and then from another province. */
    private Person marry(Person person, int clan, SplittableRandom random) {
        boolean female = !person.female;
        int gap = random.nextInt(5); // husbands a little older
        int age = Math.max(20, Math.min(95, female ? person.age - gap : person.age + gap));
        if (random.nextDouble() < 0.12) {
            var origin = MIGRANT_ORIGINS[random.nextInt(MIGRANT_ORIGINS.length)];
            var spouse = newPerson(clan, age, female, Names.surname(random), null, random);
            spouse.region = origin[0];
            spouse.homeVillageName = migrantVillage(origin, random);
            ties.add(person, spouse, Relation.SPOUSE);
            return spouse;
        }
        var village = villageNear(person.grewUp, random);
        var spouse = newPerson(clan, age, female, Names.surname(random), village, random);
        spouse.region = village.township.district.code;
        spouse.grewUp = village;
        ties.add(person, spouse, Relation.SPOUSE);
        return spouse;
    }

    /** A worker alone in a rented room, or a young family, from one of a few home counties. */
    private void migrantHousehold() {
        int clan = nextClan++;
        var random = families;
        var origin = MIGRANT_ORIGINS[random.nextInt(MIGRANT_ORIGINS.length)];
        var community = plan.communities.get(pick(migrantWeights, random));
        var household = newHousehold(community.grids.get(random.nextInt(community.grids.size())), random);
        if (random.nextDouble() < 0.5) {
            var single = migrant(clan, 18 + random.nextInt(23), random.nextDouble() < 0.4, origin, random);
            household.add(single);
            return;
        }
        int husbandAge = 24 + random.nextInt(22);
        var husband = migrant(clan, husbandAge, false, origin, random);
        var wife = migrant(clan, Math.max(20, husbandAge - random.nextInt(5)), true, origin, random);
        wife.homeVillageName = random.nextDouble() < 0.5 ? husband.homeVillageName : wife.homeVillageName;
        household.add(husband);
        household.add(wife);
        ties.add(husband, wife, Relation.SPOUSE);
        int kids = random.nextInt(3);
        var siblings = new ArrayList<Person>();
        for (int i = 0; i < kids; i++) {
            int age = wife.age - (22 + random.nextInt(13));
            if (age < 0) {
                continue;
            }
            var kid = migrant(clan, age, random.nextDouble() < FEMALE_SHARE, origin, random);
            kid.surname = husband.surname;
            kid.homeVillageName = husband.homeVillageName;
            kid.grewUp = community; // went to school here
            household.add(kid);
            ties.add(husband, kid, Relation.PARENT);
            ties.add(wife, kid, Relation.PARENT);
            for (var sibling : siblings) {
                ties.add(sibling, kid, Relation.SIBLING);
            }
            siblings.add(kid);
        }
        if (!siblings.isEmpty() && random.nextDouble() < 0.15) {
            // a grandmother who came to mind the children
            var grandmother = migrant(clan, Math.min(85, husbandAge + 24 + random.nextInt(8)), true, origin, random);
            grandmother.homeVillageName = husband.homeVillageName;
            household.add(grandmother);
            ties.add(grandmother, husband, Relation.PARENT);
        }
    }

    private Person migrant(int clan, int age, boolean female, String[] origin, SplittableRandom random) {
        var person = newPerson(clan, age, female, Names.surname(random), null, random);
        person.migrant = true;
        person.region = origin[0];
        person.homeVillageName = migrantVillage(origin, random);
        return person;
    }

    private static String migrantVillage(String[] origin, SplittableRandom random) {
        String[] villages = MIGRANT_VILLAGES.get(origin[0]);
        return villages[random.nextInt(villages.length)];
    }

    /** Four to a room in the college's dormitories, on its first grid. */
    private void collegeStudent() {
        var random = families;
        var college = plan.community(Employer.COLLEGE_OF_CHENGCHUAN.communityCode());
        int bed = dormitoryBeds++;
        Household room;
        if (bed % 4 == 0) {
            room = new Household(households.size(), college.grids.get(0));
            int building = 1 + bed / 1200;
            int number = bed % 1200 / 4;
            room.address = college.fullName() + " " + Employer.COLLEGE_OF_CHENGCHUAN.name() + "学生公寓" + building + "号楼"
                    + (1 + number / 30) + String.format("%02d", 1 + number % 30) + "室";
            households.add(room);
        } else {
            room = households.get(households.size() - 1);
        }
        int age = 18 + random.nextInt(5);
        boolean female = random.nextDouble() < 0.5;
        Person student;
        if (random.nextDouble() < 0.55) {
            var village = villages.get(random.nextInt(villages.size()));
            student = newPerson(nextClan++, age, female, Names.surname(random), village, random);
            student.region = village.township.district.code;
        } else {
            student = migrant(nextClan++, age, female, MIGRANT_ORIGINS[random.nextInt(MIGRANT_ORIGINS.length)], random);
        }
        student.college = true;
        student.grewUp = college; // classmates are the college's own cohort
        room.add(student);
    }

    private Person newPerson(
            int clan, int age, boolean female, String surname, Community homeVillage, SplittableRandom random) {
        var person = new Person(persons.size(), clan, age, female, surname);
        person.given = Names.given(random, female, person.birthYear());
        person.homeVillage = homeVillage;
        if (homeVillage != null) {
            person.homeVillageName = homeVillage.fullName();
        }
        persons.add(person);
        return person;
    }

    private Household newHousehold(Grid grid, SplittableRandom random) {
        var household = new Household(households.size(), grid);
        household.address = address(grid, random);
        households.add(household);
        return household;
    }

    private String address(Grid grid, SplittableRandom random) {
        var community = grid.community;
        if (community.village) {
            // houses numbered along the village group (组), one group per grid
            ruralHouseNumbers[grid.index] += 1 + random.nextInt(3);
            return community.fullName() + " " + grid.number + "组 " + ruralHouseNumbers[grid.index] + "号";
        }
        while (true) {
            int building = (grid.number - 1) * 8 + 1 + random.nextInt(8);
            String address = community.fullName() + " " + building + "栋" + (1 + random.nextInt(4)) + "单元"
                    + (1 + random.nextInt(18)) + String.format("%02d", 1 + random.nextInt(4)) + "室";
            if (usedAddresses.add(address)) {
                return address;
            }
        }
    }

    /** Where a married child sets up home: mostly close to the parents, some move to town. */
    private Grid gridNear(Grid parents, SplittableRandom random) {
        double u = random.nextDouble();
        Community community;
        if (u < 0.2) {
            return parents;
        } else if (u < 0.5) {
            community = parents.community;
        } else if (u < 0.7) {
            var township = parents.community.township;
            community = township.communities.get(random.nextInt(township.communities.size()));
        } else if (u < 0.85) {
            var district = parents.community.township.district;
            var township = district.townships.get(random.nextInt(district.townships.size()));
            community = township.communities.get(random.nextInt(township.communities.size()));
        } else {
            community = plan.communities.get(pick(movingWeights, random));
        }
        return community.grids.get(random.nextInt(community.grids.size()));
    }

    /** A village of origin: in the same district when it has villages, else anywhere in the city. */
    private Community villageNear(Community community, SplittableRandom random) {
        if (random.nextDouble() < 0.7) {
            var near = villagesByDistrict.get(community.township.district.code);
            if (!near.isEmpty()) {
                return near.get(random.nextInt(near.size()));
            }
        }
        return villages.get(random.nextInt(villages.size()));
    }

    // ---------------------------------------------------------------- work

    private void assignJobs() {
        var random = jobs;
        for (var person : persons) {
            var community = person.household.grid.community;
            int age = person.age;
            if (age < 6) {
                person.occupation = PRESCHOOL;
            } else if (age < 18) {
                person.occupation = STUDENT;
            } else if (person.college) {
                person.occupation = STUDENT;
                person.employer = Employer.COLLEGE_OF_CHENGCHUAN;
            } else if (age <= 22 && !person.migrant && random.nextDouble() < 0.5) {
                person.occupation = STUDENT; // at university elsewhere, registered at home
                person.college = true;
            } else if (age >= 60 || (person.female && age >= 55 && random.nextDouble() < 0.6)) {
                double u = random.nextDouble();
                if (community.village && age < 75 && u < 0.55) {
                    person.occupation = FARMER;
                } else if (age < 65 && u > 0.93) {
                    person.occupation = SELF_EMPLOYED;
                } else {
                    person.occupation = RETIRED;
                }
            } else {
                double[] weights = person.migrant
                        ? MIGRANT_JOBS
                        : community.village
                                ? VILLAGE_JOBS
                                : community.township.type == TownshipType.STREET ? URBAN_JOBS : TOWN_JOBS;
                person.occupation = JOBS[pick(weights, random)];
            }
            person.employer = person.employer != null ? person.employer : employerFor(person, community, random);
        }
    }

    private Employer employerFor(Person person, Community community, SplittableRandom random) {
        var township = community.township;
        String occupation = person.occupation;
        double u = random.nextDouble();
        return switch (occupation) {
            case Employer.FACTORY_WORKER ->
                u < 0.7
                        ? largeHiring(occupation, community, random)
                        : smallFirm(FACTORY_TRADES, "厂", Kind.FACTORY, random);
            case Employer.CLERK ->
                u < 0.35
                        ? largeHiring(occupation, community, random)
                        : smallFirm(COMPANY_TRADES, "有限公司", Kind.COMPANY, random);
            case Employer.TEACHER ->
                u < 0.5
                        ? largeHiring(occupation, community, random)
                        : smallEmployer(base(township) + (random.nextBoolean() ? "小学" : "中学"), Kind.SCHOOL);
            case Employer.MEDIC ->
                u < 0.7
                        ? largeHiring(occupation, community, random)
                        : smallEmployer(
                                township.name + (township.type == TownshipType.STREET ? "社区卫生服务中心" : "卫生院"),
                                Kind.CLINIC);
            case Employer.DRIVER -> u < 0.6 ? largeHiring(occupation, community, random) : null; // 网约车, own truck
            case Employer.RIDER -> u < 0.6 ? largeHiring(occupation, community, random) : null; // crowd-sourced riders
            case CIVIL_SERVANT ->
                u < 0.4
                        ? smallEmployer(township.district.name + "人民政府", Kind.GOVERNMENT)
                        : smallEmployer(township.office(), Kind.GOVERNMENT);
            case SELF_EMPLOYED ->
                smallEmployer(
                        community.name.substring(0, community.name.length() - (community.village ? 1 : 2))
                                + person.surname + "记" + SHOP_TRADES[random.nextInt(SHOP_TRADES.length)],
                        Kind.SHOP);
            default -> null;
        };
    }

    /** A large employer taking on this occupation; those in the person's own district are likelier. */
    private Employer largeHiring(String occupation, Community community, SplittableRandom random) {
        var candidates = new ArrayList<Employer>();
        var weights = new ArrayList<Double>();
        for (var employer : Employer.LARGE) {
            if (employer.hires().contains(occupation)) {
                candidates.add(employer);
                weights.add(employer.districtCode().equals(community.township.district.code) ? 3.0 : 1.0);
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return candidates.get(pick(w, random));
    }

    private Employer smallFirm(String[] trades, String suffix, Kind kind, SplittableRandom random) {
        return smallEmployer(
                "澄川" + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + trades[random.nextInt(trades.length)] + suffix,
                kind);
    }

    private Employer smallEmployer(String name, Kind kind) {
        return smallEmployers.computeIfAbsent(name, n -> Employer.small(n, kind));
    }

    private static String base(Township township) {
        return township.name.substring(0, township.name.length() - (township.type == TownshipType.STREET ? 2 : 1));
    }

    // ---------------------------------------------------------------- staff

    private void appointStaff() {
        var random = staffing;
        var byDistrict = new LinkedHashMap<String, List<Person>>();
        var byGrid = new ArrayList<List<Person>>();
        for (int i = 0; i < plan.grids.size(); i++) {
            byGrid.add(new ArrayList<>());
        }
        var byCommunity = new LinkedHashMap<String, List<Person>>();
        for (var person : persons) {
            byCommunity
                    .computeIfAbsent(person.household.grid.community.code, k -> new ArrayList<>())
                    .add(person);
            byDistrict
                    .computeIfAbsent(person.household.grid.community.township.district.code, k -> new ArrayList<>())
                    .add(person);
            byGrid.get(person.household.grid.index).add(person);
        }
        Predicate<Person> local = p -> !p.migrant && !p.college && p.staffRole == null;

        for (var station : plan.stations) {
            int communities = station.communities.size();
            int count = Math.min(25, Math.max(15, communities + 7) + random.nextInt(5));
            var titles = new ArrayList<String>(List.of("所长", "教导员", "副所长"));
            for (int i = 0; i < communities; i++) {
                titles.add("社区民警");
            }
            int rest = count - titles.size();
            for (int i = 0; i < rest; i++) {
                titles.add(i < Math.max(4, rest - 1) ? "值班民警" : "反诈民警");
            }
            var district = byDistrict.getOrDefault(station.district.code, List.of());
            int slot = 0;
            int community = 0;
            for (String title : titles) {
                // police are mostly men, mostly living in their own district
                boolean wantMale = random.nextDouble() < 0.8;
                var person = chooseFirst(
                        random,
                        local.and(p -> p.age >= 24 && p.age <= 55 && p.female != wantMale),
                        random.nextDouble() < 0.7 ? district : persons,
                        persons);
                var officer = appoint(
                        person,
                        StaffRole.OFFICER,
                        station.code,
                        station.placement(),
                        title,
                        POLICE,
                        Employer.small("澄川市公安局" + station.name, Kind.POLICE));
                if (title.equals("社区民警")) {
                    var served = station.communities.get(community++);
                    communityOfficers.add(new CommunityOfficer(served.code, officer.id));
                    if (served.code.equals(firstCommunityOf(DemoAccounts.STATION))
                            && !accountStaff.containsKey(DemoAccounts.STATION.username())) {
                        accountStaff.put(DemoAccounts.STATION.username(), officer);
                    }
                    if (served.code.equals(firstCommunityOf(DemoAccounts.STATION2))
                            && !accountStaff.containsKey(DemoAccounts.STATION2.username())) {
                        accountStaff.put(DemoAccounts.STATION2.username(), officer);
                    }
                }
                if (title.equals("副所长") || title.equals("值班民警")) {
                    rotation.add(new DutySlot(station.code, slot++, officer.id));
                }
            }
        }

        for (var township : plan.townships) {
            int heads = 1 + (random.nextDouble() < 0.5 ? 1 : 0);
            var district = byDistrict.getOrDefault(township.district.code, List.of());
            for (int i = 0; i < heads; i++) {
                String title = township.type == TownshipType.STREET
                        ? (i == 0 ? "党工委书记" : "办事处主任")
                        : township.type == TownshipType.TOWN ? (i == 0 ? "党委书记" : "镇长") : (i == 0 ? "党委书记" : "乡长");
                var inTownship = local.and(p -> p.household.grid.community.township == township);
                var person = chooseFirst(
                        random,
                        local.and(p -> p.age >= 38 && p.age <= 58)
                                .and(random.nextDouble() < 0.6 ? inTownship : p -> true),
                        district,
                        persons);
                var head = appoint(
                        person,
                        StaffRole.TOWNSHIP_HEAD,
                        township.code,
                        township.placement(),
                        title,
                        CIVIL_SERVANT,
                        smallEmployer(township.office(), Kind.GOVERNMENT));
                if (township.code.equals(DemoAccounts.TOWNSHIP.scope().code())
                        && !accountStaff.containsKey(DemoAccounts.TOWNSHIP.username())) {
                    accountStaff.put(DemoAccounts.TOWNSHIP.username(), head);
                }
            }
        }

        Predicate<Person> gridAge = local.and(p -> p.age >= 25 && p.age <= 55);
        for (var grid : plan.grids) {
            var community = grid.community;
            // a grid worker knows the grid because they live there; fall back outwards when nobody fits
            var person = chooseFirst(
                    random,
                    gridAge,
                    byGrid.get(grid.index),
                    byCommunity.getOrDefault(community.code, List.of()),
                    byDistrict.getOrDefault(community.township.district.code, List.of()),
                    persons);
            var worker = appoint(
                    person,
                    StaffRole.GRID_WORKER,
                    grid.code,
                    grid.placement(),
                    community.village ? "村网格员" : "社区网格员",
                    GRID_WORKER,
                    smallEmployer(community.committee(), Kind.COMMITTEE));
            if (grid.code.equals(DemoAccounts.GRID.scope().code())) {
                accountStaff.put(DemoAccounts.GRID.username(), worker);
            }
        }

        var workforces = new LinkedHashMap<Employer, List<Person>>();
        for (var person : persons) {
            if (person.employer != null && person.employer.isLarge()) {
                workforces
                        .computeIfAbsent(person.employer, e -> new ArrayList<>())
                        .add(person);
            }
        }
        for (var employer : Employer.LARGE) {
            var community = plan.community(employer.communityCode());
            Predicate<Person> senior = local.and(p -> p.age >= 35 && p.age <= 60);
            var person = chooseFirst(
                    random,
                    senior,
                    workforces.getOrDefault(employer, List.of()),
                    byDistrict.getOrDefault(community.township.district.code, List.of()),
                    persons);
            String occupation =
                    switch (employer.kind()) {
                        case HOSPITAL -> Employer.MEDIC;
                        case SCHOOL, COLLEGE -> Employer.TEACHER;
                        default -> MANAGER;
                    };
            appoint(
                    person,
                    StaffRole.EMPLOYER_HEAD,
                    community.code,
                    community.placement(),
                    employer.headTitle(),
                    occupation,
                    employer);
        }
    }

    /** The community whose officer a station account signs in as: the station's first. */
    private String firstCommunityOf(DemoAccount account) {
        return plan.station(account.scope().code()).communities.get(0).code;
    }

    private StaffDraft appoint(
            Person person,
            StaffRole role,
            String unitCode,
            Placement placement,
            String title,
            String occupation,
            Employer employer) {
        person.staffRole = role;
        person.occupation = occupation;
        person.employer = employer;
        var draft = new StaffDraft(
                uuid("staff", staff.size()),
                person,
                role,
                unitCode,
                title,
                role == StaffRole.EMPLOYER_HEAD ? employer.name() : null,
                placement);
        staff.add(draft);
        return draft;
    }

    /** A random person from {@code pool} who fits, by rejection first and a scan when few fit. */
    private static Person choose(List<Person> pool, Predicate<Person> fits, SplittableRandom random) {
        if (!pool.isEmpty()) {
            for (int attempt = 0; attempt < 200; attempt++) {
                var candidate = pool.get(random.nextInt(pool.size()));
                if (fits.test(candidate)) {
                    return candidate;
                }
            }
            int start = random.nextInt(pool.size());
            for (int i = 0; i < pool.size(); i++) {
                var candidate = pool.get((start + i) % pool.size());
                if (fits.test(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    @SafeVarargs
    private Person chooseFirst(SplittableRandom random, Predicate<Person> fits, List<Person>... pools) {
        for (var pool : pools) {
            var chosen = choose(pool, fits, random);
            if (chosen != null) {
                return chosen;
            }
        }
        // a small city runs out of ideal candidates: any adult who is not staff yet will do
        var anyone = choose(persons, p -> p.staffRole == null && !p.college && p.age >= 20 && p.age <= 65, random);
        if (anyone == null) {
            throw new IllegalStateException("too few residents to appoint staff; generate more residents");
        }
        return anyone;
    }

    // ---------------------------------------------------------------- identity

    private void issueIdentities() {
        var random = identities;
        var usedIds = new HashSet<String>();
        var usedPhones = new HashSet<Long>();
        for (var person : persons) {
            person.id = uuid("resident", person.index);
            var birth = birthDate(person.age, random);
            person.birthDate = birth;
            var prefix = new StringBuilder(17).append(person.region).append(birth.getYear());
            twoDigits(prefix, birth.getMonthValue());
            twoDigits(prefix, birth.getDayOfMonth());
            while (true) {
                int sequence = random.nextInt(500) * 2 + (person.female ? 0 : 1);
                // what IdNumber.of does, without two String.formats per person
                var first17 = prefix.toString()
                        + (char) ('0' + sequence / 100)
                        + (char) ('0' + sequence / 10 % 10)
                        + (char) ('0' + sequence % 10);
                if (usedIds.add(first17)) {
                    person.idNumber = new IdNumber(first17 + IdNumber.checkCharacter(first17));
                    break;
                }
            }
            if (hasPhone(person, random)) {
                while (true) {
                    long number = Long.parseLong(PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]) * 100_000_000L
                            + random.nextInt(100_000_000);
                    if (usedPhones.add(number)) {
                        person.phone = Long.toString(number);
                        break;
                    }
                }
            }
        }
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static boolean hasPhone(Person person, SplittableRandom random) {
        double u = random.nextDouble();
        if (person.staffRole != null) {
            return true;
        } else if (person.age < 12) {
            return false; // small children have no phone of their own
        } else if (person.age < 16) {
            return u < 0.5;
        } else if (person.age >= 85) {
            return u < 0.7;
        }
        return true;
    }

    /** A birth date giving exactly {@code age} on {@link #REFERENCE_DATE}. */
    private static LocalDate birthDate(int age, SplittableRandom random) {
        var latest = REFERENCE_DATE.minusYears(age);
        var earliest = REFERENCE_DATE.minusYears(age + 1L).plusDays(1);
        long span = ChronoUnit.DAYS.between(earliest, latest) + 1;
        return earliest.plusDays(random.nextLong(span));
    }

    /**
     * A name-based id from "purseguard-demo:seed:kind:n", with one reused MD5 instead of looking one
     * up for each of 100,000 residents.
     */
    private UUID uuid(String kind, int n) {
        return nameUuid(md5, "purseguard-demo:" + seed + ":" + kind + ":" + n);
    }

    /** Exactly {@link UUID#nameUUIDFromBytes} of the UTF-8 name, with the caller's MD5. */
    static UUID nameUuid(MessageDigest md5, String name) {
        byte[] hash = md5.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3: name-based, MD5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    // ---------------------------------------------------------------- acquaintances

    /** A few colleague, classmate and fellow-villager ties each: never all pairs, which would explode. */
    private void linkAcquaintances() {
        var random = acquaintances;
        var workplaces = new LinkedHashMap<Employer, List<Person>>();
        var classes = new LinkedHashMap<String, List<Person>>();
        var villagesOfOrigin = new LinkedHashMap<String, List<Person>>();
        for (var person : persons) {
            if (person.employer != null && !STUDENT.equals(person.occupation)) {
                workplaces
                        .computeIfAbsent(person.employer, e -> new ArrayList<>())
                        .add(person);
            }
            if (person.grewUp != null && person.age >= 7) {
                classes.computeIfAbsent(
                                person.grewUp.township.code + ":" + person.birthDate.getYear(), k -> new ArrayList<>())
                        .add(person);
            }
            if (person.homeVillageName != null) {
                villagesOfOrigin
                        .computeIfAbsent(person.homeVillageName, k -> new ArrayList<>())
                        .add(person);
            }
        }
        for (var colleagues : workplaces.values()) {
            for (var person : colleagues) {
                int links = 1 + (random.nextDouble() < 0.5 ? 1 : 0);
                link(person, colleagues, links, Relation.COLLEAGUE, random);
            }
        }
        for (var classmates : classes.values()) {
            for (var person : classmates) {
                int links = (random.nextDouble() < 0.75 ? 1 : 0) + (random.nextDouble() < 0.2 ? 1 : 0);
                link(person, classmates, links, Relation.CLASSMATE, random);
            }
        }
        for (var fellows : villagesOfOrigin.values()) {
            for (var person : fellows) {
                // staff always know some people from home: that is what familiar-officer matching uses
                int links = person.staffRole != null ? 2 : random.nextDouble() < (person.migrant ? 0.8 : 0.4) ? 1 : 0;
                link(person, fellows, links, Relation.HOME_VILLAGE, random);
            }
        }
    }

    private void link(Person person, List<Person> group, int links, Relation relation, SplittableRandom random) {
        if (group.size() < 2) {
            return;
        }
        for (int i = 0; i < links; i++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                var other = group.get(random.nextInt(group.size()));
                // family already knows each other; an acquaintance tie is about someone outside it
                if (other != person && other.clan != person.clan && ties.add(person, other, relation)) {
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- the result

    private DemoCity assemble() {
        int[] gridPopulation = new int[plan.grids.size()];
        var residents = new ArrayList<NewResident>(persons.size());
        for (var person : persons) {
            gridPopulation[person.household.grid.index]++;
            residents.add(new NewResident(
                    person.id,
                    person.surname + person.given,
                    person.idNumber,
                    person.phone,
                    person.household.address,
                    person.homeVillageName,
                    person.occupation,
                    person.employer == null ? null : person.employer.name(),
                    tags(person),
                    person.household.grid.placement()));
        }
        residents.sort(Comparator.comparing(r -> r.idNumber().value()));

        var units = units(gridPopulation);

        var staffMembers = new ArrayList<StaffMember>(staff.size());
        for (var s : staff) {
            staffMembers.add(new StaffMember(
                    s.id,
                    s.person.id,
                    s.person.surname + s.person.given,
                    s.role,
                    s.unitCode,
                    s.person.phone,
                    s.title,
                    s.employer,
                    s.placement));
        }
        staffMembers.sort((a, b) -> CityDigest.compareUuids(a.id(), b.id()));
        communityOfficers.sort(Comparator.comparing(CommunityOfficer::communityCode)
                .thenComparing(CommunityOfficer::staffId, CityDigest::compareUuids));
        rotation.sort(Comparator.comparing(DutySlot::stationCode).thenComparingInt(DutySlot::slot));

        var accounts = new LinkedHashMap<String, UUID>();
        accountStaff.forEach((username, draft) -> accounts.put(username, draft.id));
        return new DemoCity(
                seed,
                List.copyOf(units),
                List.copyOf(staffMembers),
                List.copyOf(communityOfficers),
                List.copyOf(rotation),
                List.copyOf(residents),
                ties.toTies(persons),
                accounts);
    }

    private List<Unit> units(int[] gridPopulation) {
        var units = new ArrayList<Unit>();
        int city = 0;
        for (var district : plan.districts) {
            int districtPopulation = 0;
            for (var township : district.townships) {
                int townshipPopulation = 0;
                for (var community : township.communities) {
                    int communityPopulation = 0;
                    for (var grid : community.grids) {
                        int population = gridPopulation[grid.index];
                        communityPopulation += population;
                        units.add(new Unit(
                                grid.code, community.code, UnitKind.GRID, grid.name, population, grid.placement()));
                    }
                    townshipPopulation += communityPopulation;
                    units.add(new Unit(
                            community.code,
                            township.code,
                            UnitKind.COMMUNITY,
                            community.name,
                            communityPopulation,
                            community.placement()));
                }
                districtPopulation += townshipPopulation;
                units.add(new Unit(
                        township.code,
                        district.code,
                        UnitKind.TOWNSHIP,
                        township.name,
                        townshipPopulation,
                        township.placement()));
            }
            for (var station : district.stations) {
                int population = 0;
                for (var community : station.communities) {
                    for (var grid : community.grids) {
                        population += gridPopulation[grid.index];
                    }
                }
                units.add(new Unit(
                        station.code, district.code, UnitKind.STATION, station.name, population, station.placement()));
            }
            city += districtPopulation;
            units.add(new Unit(
                    district.code,
                    CityPlan.CITY_CODE,
                    UnitKind.DISTRICT,
                    district.name,
                    districtPopulation,
                    district.placement()));
        }
        units.add(new Unit(CityPlan.CITY_CODE, null, UnitKind.CITY, CityPlan.CITY_NAME, city, Placement.NONE));
        // a parent's code is a prefix of its children's, so code order is also parents-first order
        units.sort(Comparator.comparing(Unit::code));
        return units;
    }

    /** Segments for targeted publicity, derived from the facts above. */
    private static List<String> tags(Person person) {
        var tags = new ArrayList<String>(4);
        int age = person.age;
        var community = person.household.grid.community;
        if (age < 12) {
            tags.add("儿童");
        }
        if (age >= 12 && age <= 24) {
            tags.add("青少年"); // the young of anti-fraud law Art. 8
        }
        if (STUDENT.equals(person.occupation)) {
            tags.add("学生");
        }
        if (person.college) {
            tags.add("高校学生");
        }
        if (age >= 60) {
            tags.add("老年人");
            if (person.household.members.size() == 1) {
                tags.add("独居老人");
            }
        }
        if (person.migrant) {
            tags.add("外来人口");
        }
        boolean cameToTown = !person.migrant
                && person.grewUp != null
                && person.grewUp.village
                && community.township.type == TownshipType.STREET;
        if (age >= 18 && age <= 59 && !STUDENT.equals(person.occupation) && (person.migrant || cameToTown)) {
            tags.add("新市民");
        }
        if (person.employer != null && person.employer.isEnterprise()) {
            tags.add("企业员工");
        }
        if (FARMER.equals(person.occupation)) {
            tags.add("农村居民");
        }
        return List.copyOf(tags);
    }

    private static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ---------------------------------------------------------------- working state

    private static final class Person {
        final int index;
        final int clan;
        final int age;
        final boolean female;
        String surname;
        String given;
        String region;
        Community homeVillage;
        String homeVillageName;
        Community grewUp;
        boolean migrant;
        boolean college;
        Household household;
        String occupation;
        Employer employer;
        StaffRole staffRole;
        UUID id;
        IdNumber idNumber;
        LocalDate birthDate;
        String phone;

        Person(int index, int clan, int age, boolean female, String surname) {
            this.index = index;
            this.clan = clan;
            this.age = age;
            this.female = female;
            this.surname = surname;
        }

        int birthYear() {
            return REFERENCE_DATE.getYear() - age - 1;
        }
    }

    private static final class Household {
        final int index;
        final Grid grid;
        final List<Person> members = new ArrayList<>(4);
        String address;

        Household(int index, Grid grid) {
            this.index = index;
            this.grid = grid;
        }

        void add(Person person) {
            members.add(person);
            person.household = this;
        }
    }

    private record StaffDraft(
            UUID id,
            Person person,
            StaffRole role,
            String unitCode,
            String title,
            String employer,
            Placement placement) {}

    /** Ties by person index, each pair and relation once (the registry stores the inverse). */
    private static final class TieSet {
        private final Set<Long> seen = new HashSet<>();
        private int[] from = new int[1 << 16];
        private int[] to = new int[1 << 16];
        private byte[] relation = new byte[1 << 16];
        private int size;

        boolean add(Person a, Person b, Relation rel) {
            if (a == b) {
                return false;
            }
            // symmetric relations are one tie whichever way round; PARENT is directed
            int lo = rel == Relation.PARENT ? a.index : Math.min(a.index, b.index);
            int hi = rel == Relation.PARENT ? b.index : Math.max(a.index, b.index);
            long key = ((long) lo << 35) | ((long) hi << 3) | rel.ordinal();
            // Long.hashCode folds the two halves together, which collides for these keys; an odd
            // multiplier spreads the bits and, being invertible, keeps distinct keys distinct
            if (!seen.add(key * 0x9E3779B97F4A7C15L)) {
                return false;
            }
            if (size == from.length) {
                from = java.util.Arrays.copyOf(from, size * 2);
                to = java.util.Arrays.copyOf(to, size * 2);
                relation = java.util.Arrays.copyOf(relation, size * 2);
            }
            from[size] = a.index;
            to[size] = b.index;
            relation[size] = (byte) rel.ordinal();
            size++;
            return true;
        }

        /**
         * The ties sorted by the first person's id. The registry writes each tie followed by its
         * inverse, so this order makes every other row arrive in key order for both the primary key
         * (forward rows) and the other-person index (inverse rows): B-tree inserts in key order are
         * several times cheaper than random ones, and the ties are most of the load.
         */
        List<Tie> toTies(List<Person> persons) {
            // rank people by id in PostgreSQL's uuid order, then sort packed (rank, rank, relation) longs
            var byId = new ArrayList<>(persons);
            byId.sort((a, b) -> CityDigest.compareUuids(a.id, b.id));
            int[] rank = new int[persons.size()];
            for (int i = 0; i < byId.size(); i++) {
                rank[byId.get(i).index] = i;
            }
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) rank[from[i]] << 36) | ((long) rank[to[i]] << 8) | relation[i];
            }
            java.util.Arrays.sort(keys);
            var relations = Relation.values();
            var result = new ArrayList<Tie>(size);
            for (long key : keys) {
                result.add(new Tie(
                        byId.get((int) (key >>> 36)).id,
                        byId.get((int) ((key >>> 8) & 0x0fff_ffffL)).id,
                        relations[(int) (key & 0xff)]));
            }
            return List.copyOf(result);
        }
    }
}
