package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Named rules of thumb an officer would state: the words that mark each fraud type. They give the
 * suggestion its reasons ("提到‘垫付’‘返佣’‘连单任务’ → 刷单返利") and weigh in beside the statistical
 * model, which catches what no list of words does.
 */
final class KeywordRules {

    /** One rule: a fraud type's name for people and the words that point to it. */
    record Rule(FraudType type, String zh, List<String> words) {}

    static final List<Rule> RULES = List.of(
            new Rule(
                    FraudType.REBATE_ORDERS,
                    "刷单返利",
                    List.of("刷单", "返利", "返佣", "佣金", "垫付", "连单", "卡单", "做任务", "任务导师", "点赞", "兼职", "接单", "做单", "提成")),
            new Rule(
                    FraudType.FAKE_INVESTMENT,
                    "虚假网络投资理财",
                    List.of(
                            "投资", "理财", "炒股", "股票", "导师", "老师", "期货", "外汇", "数字货币", "USDT", "入金", "出金", "收益", "内幕",
                            "打新", "操盘")),
            new Rule(
                    FraudType.FAKE_SHOPPING,
                    "虚假购物服务",
                    List.of("卖家", "低价", "定金", "发货", "运费", "代购", "门票", "二手", "尾款", "物流单号", "代办", "出售", "货款")),
            new Rule(
                    FraudType.FAKE_CUSTOMER_SERVICE,
                    "冒充电商物流客服",
                    List.of("客服", "理赔", "退款", "快递", "订单", "会员", "自动扣费", "质量问题", "备用金", "百万保障", "屏幕共享", "退货")),
            new Rule(
                    FraudType.FAKE_LOAN,
                    "虚假贷款",
                    List.of("贷款", "放款", "额度", "解冻费", "流水", "无抵押", "低息", "保证金", "手续费", "网贷", "工本费", "利息")),
            new Rule(
                    FraudType.FAKE_CREDIT_REPAIR,
                    "虚假征信",
                    List.of("征信", "校园贷", "注销", "学生账户", "清零", "清空额度", "银保监", "不良记录", "学生认证", "借呗", "微粒贷")),
            new Rule(
                    FraudType.IMPERSONATE_ACQUAINTANCE,
                    "冒充领导熟人",
                    List.of("领导", "老板", "熟人", "猜猜我是谁", "换了新号", "儿子", "同学", "亲戚", "表哥", "财务", "合同款", "借钱")),
            new Rule(
                    FraudType.IMPERSONATE_AUTHORITY,
                    "冒充公检法及政府机关",
                    List.of("公安", "警官", "民警", "检察", "法院", "通缉", "逮捕", "洗钱", "安全账户", "资金审查", "社保", "医保", "传票", "保密")),
            new Rule(
                    FraudType.ROMANCE,
                    "网络婚恋交友",
                    List.of("婚恋", "交友", "网友", "男朋友", "女朋友", "结婚", "老公", "老婆", "恋爱", "相亲", "单身", "离异", "博彩")),
            new Rule(
                    FraudType.GAME_TRADE,
                    "网络游戏产品虚假交易",
                    List.of("游戏", "装备", "皮肤", "账号交易", "点卡", "代练", "手游", "王者荣耀", "道具", "上分")),
            new Rule(FraudType.OTHER, "其他", List.of("中奖", "领奖", "玉佩", "ETC", "补贴", "积分", "中介费", "扶贫")));

    private static final Map<FraudType, Rule> BY_TYPE = new EnumMap<>(FraudType.class);

    static {
        RULES.forEach(rule -> BY_TYPE.put(rule.type(), rule));
    }

    private KeywordRules() {}

    static Rule of(FraudType type) {
        return BY_TYPE.get(type);
    }

    /** The rule's words the text mentions, in the rule's order. */
    static List<String> hits(FraudType type, String text) {
        var hits = new ArrayList<String>();
        for (var word : BY_TYPE.get(type).words()) {
            if (text.contains(word)) {
                hits.add(word);
            }
        }
        return hits;
    }
}
