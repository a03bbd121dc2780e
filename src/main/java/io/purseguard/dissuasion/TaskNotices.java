package io.purseguard.dissuasion;

import io.purseguard.jurisdiction.Units;
import io.purseguard.notification.Notice;
import io.purseguard.notification.Notice.Audience;
import io.purseguard.notification.Notice.Urgency;
import io.purseguard.notification.Notifications;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.WarningFacts;
import io.purseguard.warning.WarningLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The words dissuasion sends through the notification module, in both languages. */
@Component
class TaskNotices {

    private final Notifications notifications;
    private final Units units;
    private volatile String cityCode;

    TaskNotices(Notifications notifications, Units units) {
        this.notifications = notifications;
        this.units = units;
    }

    /** The city center's unit code: the top of every escalation. */
    String cityCode() {
        if (cityCode == null) {
            cityCode = units.list(UnitKind.CITY, Scope.city()).get(0).code();
        }
        return cityCode;
    }

    /** A task just opened, with its team. */
    record Opened(UUID taskId, WarningFacts warning, List<TeamMember> team) {}

    /** Each team member hears of the task, and the holding unit of the warning: one batch for all. */
    void opened(List<Opened> opened) {
        var notices = new ArrayList<Notice>();
        for (var o : opened) {
            var warning = o.warning();
            var urgency = warning.level() == WarningLevel.CRITICAL || warning.level() == WarningLevel.HIGH
                    ? Urgency.URGENT
                    : Urgency.ROUTINE;
            var link = "/tasks/" + o.taskId();
            for (var member : o.team()) {
                if (member.staffId() == null) {
                    continue;
                }
                notices.add(new Notice(
                        Audience.STAFF,
                        member.staffId().toString(),
                        textedFirst(member.role()) ? urgency : Urgency.ROUTINE,
                        "新劝阻任务（" + levelZh(warning.level()) + "）：您是" + roleZh(member.role()),
                        "New dissuasion task (" + warning.level() + "): you are the " + member.role(),
                        dutyZh(member.role()),
                        dutyEn(member.role()),
                        link));
            }
            notices.add(new Notice(
                    Audience.UNIT,
                    warning.unitCode(),
                    urgency,
                    "新预警待签收（" + levelZh(warning.level()) + "）",
                    "New warning to sign for (" + warning.level() + ")",
                    null,
                    null,
                    link));
        }
        notifications.sendAll(notices);
    }

    void overdue(UUID taskId, DeadlineKind kind, EscalationStep step, String targetUnit, WarningLevel level) {
        notifications.send(new Notice(
                Audience.UNIT,
                targetUnit,
                Urgency.URGENT,
                "超时升级（" + levelZh(level) + "）：" + clockZh(kind) + "已超时",
                "Overdue (" + level + "): " + kind + " missed, escalated to " + step,
                "劝阻任务未按时" + clockZh(kind) + "，已升级至" + stepZh(step) + "督办。",
                "The task missed its " + kind + " deadline and is escalated to the " + step + ".",
                "/tasks/" + taskId));
    }

    void uncooperative(UUID taskId, String stationCode, WarningLevel raisedTo) {
        toCenterAndStation(
                stationCode,
                "劝阻对象拒不配合，市中心与派出所联动处置（" + levelZh(raisedTo) + "）",
                "The person will not cooperate: city center and station act together (" + raisedTo + ")",
                "已申请止付全部涉案账户并限制手机；已安排亲属与熟警二次上门。",
                "Stop-payment of every account and phone restriction requested; a second visit with the relative and the familiar officer is scheduled.",
                "/tasks/" + taskId);
    }

    void defraudedAfter(DefraudedAfterWarning flag) {
        toCenterAndStation(
                flag.stationCode(),
                "预后被骗：曾被预警的群众仍被骗",
                "Defrauded after a warning",
                "此前已预警劝阻的群众在关注期内被骗（" + flag.reference() + "）。",
                "A person warned earlier was defrauded within the watch (" + flag.reference() + ").",
                "/tasks/" + flag.taskId());
    }

    /** The same urgent notice to the city center and the station (when there is one). */
    private void toCenterAndStation(
            String stationCode, String titleZh, String titleEn, String bodyZh, String bodyEn, String link) {
        var notices = new ArrayList<Notice>();
        for (var unit : new String[] {cityCode(), stationCode}) {
            if (unit != null) {
                notices.add(new Notice(Audience.UNIT, unit, Urgency.URGENT, titleZh, titleEn, bodyZh, bodyEn, link));
            }
        }
        notifications.sendAll(notices);
    }

    /**
     * Who is texted (an urgent notice goes by SMS) about an urgent task: the officer and the grid
     * worker, who must act within minutes. The others read it in their inbox: a township head is on
     * dozens of teams a day, and a familiar officer is asked by the station when needed.
     */
    static boolean textedFirst(TeamRole role) {
        return role == TeamRole.OFFICER || role == TeamRole.GRID_WORKER;
    }

    static String levelZh(WarningLevel level) {
        return switch (level) {
            case CRITICAL -> "特危";
            case HIGH -> "高危";
            case MEDIUM -> "中危";
            case LOW -> "低危";
        };
    }

    static String roleZh(TeamRole role) {
        return switch (role) {
            case OFFICER -> "责任民警";
            case TOWNSHIP_HEAD -> "乡镇（街道）/单位负责人";
            case GRID_WORKER -> "网格员";
            case RELATIVE -> "亲属";
            case FAMILIAR_OFFICER -> "熟警";
        };
    }

    /** Each member's duty (DOMAIN.md step 6). */
    static String dutyZh(TeamRole role) {
        return switch (role) {
            case OFFICER -> "讲清预警线索，依法开展劝阻，负责全程处置。";
            case TOWNSHIP_HEAD -> "统筹协调，组织力量上门劝阻。";
            case GRID_WORKER -> "熟悉其日常生活，代表社区上门劝说。";
            case RELATIVE -> "全天候关注其大额资金往来。";
            case FAMILIAR_OFFICER -> "以熟人身份致电劝说，争取信任。";
        };
    }

    static String dutyEn(TeamRole role) {
        return switch (role) {
            case OFFICER -> "Explain the clue and run the procedure from start to end.";
            case TOWNSHIP_HEAD -> "Coordinate and organise the visit.";
            case GRID_WORKER -> "You know their daily life: speak for the community at the door.";
            case RELATIVE -> "Watch large money movements around the clock.";
            case FAMILIAR_OFFICER -> "They know you: call them and win their trust.";
        };
    }

    static String clockZh(DeadlineKind kind) {
        return switch (kind) {
            case SIGN_FOR -> "签收";
            case FIRST_CONTACT -> "首次电话联系";
            case FACE_TO_FACE -> "见面劝阻";
        };
    }

    static String stepZh(EscalationStep step) {
        return switch (step) {
            case STATION_HEAD -> "所领导";
            case DISTRICT_CENTER -> "分局反诈中心";
            case CITY_CENTER -> "市反诈中心";
        };
    }
}
