package io.purseguard.demo;

import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.List;
import java.util.Optional;

/** The demo city's sign-ins, one per role (and a second station to show scope), all with {@value #PASSWORD}. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo123";

    public static final DemoAccount CENTER =
            account("center", "澄川市反诈中心", Role.CITY_CENTER, Scope.city(), "whole city · 全市");
    public static final DemoAccount DISTRICT =
            account("district", "东湖分局反诈中心", Role.DISTRICT_CENTER, Scope.of(UnitKind.DISTRICT, "329901"), "东湖区 329901");
    public static final DemoAccount STATION = account(
            "station", "青石派出所民警", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01"), "青石派出所 329901P01");
    public static final DemoAccount STATION2 = account(
            "station2",
            "文昌派出所民警",
            Role.STATION_OFFICER,
            Scope.of(UnitKind.STATION, "329901P02"),
            "文昌派出所 329901P02 (a second station, to compare scope)");
    public static final DemoAccount GRID = account(
            "grid",
            "杏花社区网格员",
            Role.GRID_WORKER,
            Scope.of(UnitKind.GRID, "32990110120101"),
            "柳塘街道杏花社区第1网格 32990110120101");
    public static final DemoAccount TOWNSHIP = account(
            "township", "柳塘街道负责人", Role.TOWNSHIP_HEAD, Scope.of(UnitKind.TOWNSHIP, "329901101"), "柳塘街道 329901101");
    /** The liaison of the city's own bank, which the demo feed names for many suspect accounts. */
    public static final String BANK_NAME = "澄川农商银行";

    public static final DemoAccount BANK = account(
            "bank",
            "澄川农商银行联络员",
            Role.BANK_LIAISON,
            Scope.institution(BANK_NAME),
            "requests to 澄川农商银行 only (银行协查), no residents");
    public static final DemoAccount AUDITOR =
            account("auditor", "审计员", Role.AUDITOR, Scope.none(), "audit trail, no residents");
    public static final DemoAccount ADMIN =
            account("admin", "系统管理员", Role.ADMIN, Scope.none(), "users and configuration, no residents");

    /** In the order the banner and README list them. */
    public static final List<DemoAccount> ALL =
            List.of(CENTER, DISTRICT, STATION, STATION2, GRID, TOWNSHIP, BANK, AUDITOR, ADMIN);

    private DemoAccounts() {}

    public static Optional<DemoAccount> byUsername(String username) {
        return ALL.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    private static DemoAccount account(String username, String displayName, Role role, Scope scope, String what) {
        return new DemoAccount(username, PASSWORD, displayName, role, scope, what);
    }
}
