package io.purseguard.demo;

import java.util.List;
import java.util.Set;

/**
 * Where a resident works. Large employers are fixed and located in a community (their head is staff,
 * so a warning among their employees reaches the employer); small ones are named on demand.
 *
 * @param communityCode where a large employer sits; null for small ones
 * @param headTitle the title of a large employer's head
 * @param hires the occupations a large employer takes on
 */
record Employer(String name, Kind kind, String communityCode, String headTitle, Set<String> hires) {

    enum Kind {
        FACTORY,
        COMPANY,
        LOGISTICS,
        TRANSIT,
        BANK,
        DELIVERY,
        HOSPITAL,
        CLINIC,
        SCHOOL,
        COLLEGE,
        GOVERNMENT,
        POLICE,
        COMMITTEE,
        SHOP
    }

    static final String FACTORY_WORKER = "工厂工人";
    static final String CLERK = "公司职员";
    static final String TEACHER = "教师";
    static final String MEDIC = "医护";
    static final String DRIVER = "司机";
    static final String RIDER = "外卖骑手";

    static final Employer COLLEGE_OF_CHENGCHUAN = large("澄川职业技术学院", Kind.COLLEGE, "329902103201", "院长", TEACHER);

    /** About twenty named employers: factories, hospitals, schools, a logistics park, a bank. */
    static final List<Employer> LARGE = List.of(
            large("澄川市第一人民医院", Kind.HOSPITAL, "329901104201", "院长", MEDIC),
            large("澄川市中医院", Kind.HOSPITAL, "329901102201", "院长", MEDIC),
            large("澄川市妇幼保健院", Kind.HOSPITAL, "329901105202", "院长", MEDIC),
            large("澄川市第一中学", Kind.SCHOOL, "329901103201", "校长", TEACHER),
            large("澄川市实验小学", Kind.SCHOOL, "329901103202", "校长", TEACHER),
            large("澄川市第二中学", Kind.SCHOOL, "329902101202", "校长", TEACHER),
            COLLEGE_OF_CHENGCHUAN,
            large("澄川纺织厂", Kind.FACTORY, "329902105201", "厂长", FACTORY_WORKER),
            large("澄川电子科技有限公司", Kind.FACTORY, "329902102201", "总经理", FACTORY_WORKER, CLERK),
            large("澄川汽车零部件有限公司", Kind.FACTORY, "329902106201", "总经理", FACTORY_WORKER),
            large("青川食品有限公司", Kind.FACTORY, "329902107201", "总经理", FACTORY_WORKER),
            large("澄川制药有限公司", Kind.FACTORY, "329902104201", "总经理", FACTORY_WORKER, CLERK),
            large("云岭水泥厂", Kind.FACTORY, "329903101201", "厂长", FACTORY_WORKER),
            large("云岭茶叶加工厂", Kind.FACTORY, "329903104201", "厂长", FACTORY_WORKER),
            large("东湖物流园", Kind.LOGISTICS, "329901108201", "园区主任", FACTORY_WORKER, CLERK, DRIVER),
            large("澄川公交集团", Kind.TRANSIT, "329901106201", "总经理", DRIVER),
            large("澄川农商银行", Kind.BANK, "329901104202", "行长", CLERK),
            large("澄川供电公司", Kind.COMPANY, "329901101202", "总经理", CLERK),
            large("澄川万象商业广场", Kind.COMPANY, "329901107201", "总经理", CLERK),
            large("澄川同城配送站", Kind.DELIVERY, "329901101203", "站长", RIDER));

    static Employer small(String name, Kind kind) {
        return new Employer(name, kind, null, null, Set.of());
    }

    private static Employer large(String name, Kind kind, String community, String headTitle, String... hires) {
        return new Employer(name, kind, community, headTitle, Set.of(hires));
    }

    boolean isLarge() {
        return communityCode != null;
    }

    /** Businesses whose staff are 企业员工 for targeted publicity. */
    boolean isEnterprise() {
        return switch (kind) {
            case FACTORY, COMPANY, LOGISTICS, TRANSIT, BANK, DELIVERY -> true;
            default -> false;
        };
    }

    String districtCode() {
        return communityCode == null ? null : communityCode.substring(0, 6);
    }
}
