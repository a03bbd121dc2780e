package io.purseguard.warning.excel;

import io.purseguard.warning.ClueKind;
import io.purseguard.warning.ClueSource;
import io.purseguard.warning.FraudType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words a sheet may use for 来源, 类型 and 诈骗类型: the contract's codes ({@code FUND}) or the
 * Chinese labels people type (资金). The first label of each value is the one the template offers.
 */
final class ClueVocabulary {

    static final Map<ClueSource, List<String>> SOURCES = ordered(Map.of(
            ClueSource.NATIONAL, List.of("国家", "国家平台", "国家反诈大数据平台", "公安部"),
            ClueSource.PROVINCIAL, List.of("省", "省级", "省厅", "省平台"),
            ClueSource.CITY, List.of("市", "市级", "市局"),
            ClueSource.BANK, List.of("银行"),
            ClueSource.CARRIER, List.of("运营商", "电信运营商"),
            ClueSource.HOTLINE_96110, List.of("96110"),
            ClueSource.LOCAL, List.of("本地", "属地", "群众举报")));

    static final Map<ClueKind, List<String>> KINDS = ordered(Map.of(
            ClueKind.FUND, List.of("资金", "资金预警"),
            ClueKind.CALL, List.of("电话", "来电"),
            ClueKind.SMS, List.of("短信"),
            ClueKind.URL, List.of("网址", "涉诈网址"),
            ClueKind.APP, List.of("APP", "涉诈APP"),
            ClueKind.CASH_WITHDRAWAL, List.of("取现", "取款")));

    static final Map<FraudType, List<String>> FRAUD_TYPES = ordered(Map.ofEntries(
            Map.entry(FraudType.REBATE_ORDERS, List.of("刷单返利", "刷单")),
            Map.entry(FraudType.FAKE_INVESTMENT, List.of("虚假投资理财", "虚假网络投资理财", "投资理财")),
            Map.entry(FraudType.FAKE_SHOPPING, List.of("虚假购物服务", "虚假网络购物", "虚假购物")),
            Map.entry(FraudType.FAKE_CUSTOMER_SERVICE, List.of("冒充电商物流客服", "冒充客服")),
            Map.entry(FraudType.FAKE_LOAN, List.of("虚假贷款", "虚假网络贷款", "贷款")),
            Map.entry(FraudType.FAKE_CREDIT_REPAIR, List.of("虚假征信", "注销校园贷")),
            Map.entry(FraudType.IMPERSONATE_ACQUAINTANCE, List.of("冒充领导熟人", "冒充熟人", "冒充领导")),
            Map.entry(FraudType.IMPERSONATE_AUTHORITY, List.of("冒充公检法", "冒充公检法及政府机关", "冒充政府机关")),
            Map.entry(FraudType.ROMANCE, List.of("网络婚恋交友", "婚恋交友", "杀猪盘")),
            Map.entry(FraudType.GAME_TRADE, List.of("网络游戏虚假交易", "网络游戏产品虚假交易", "游戏交易")),
            Map.entry(FraudType.OTHER, List.of("其他", "其它"))));

    private static final Map<String, String> SOURCE_CODES = lookup(SOURCES);
    private static final Map<String, String> KIND_CODES = lookup(KINDS);
    private static final Map<String, String> FRAUD_TYPE_CODES = lookup(FRAUD_TYPES);

    private ClueVocabulary() {}

    /** The contract code for a 来源 cell; text it does not know is passed on for validation to name. */
    static String source(String text) {
        return code(SOURCE_CODES, text);
    }

    static String kind(String text) {
        return code(KIND_CODES, text);
    }

    static String fraudType(String text) {
        return code(FRAUD_TYPE_CODES, text);
    }

    /** The label the template offers for a value, e.g. 资金 for FUND. */
    static <E extends Enum<E>> String label(Map<E, List<String>> vocabulary, E value) {
        return vocabulary.get(value).get(0);
    }

    private static String code(Map<String, String> codes, String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        var known = codes.get(key(text));
        return known != null ? known : text.strip();
    }

    private static <E extends Enum<E>> Map<String, String> lookup(Map<E, List<String>> vocabulary) {
        var codes = new HashMap<String, String>();
        vocabulary.forEach((value, labels) -> {
            codes.put(key(value.name()), value.name());
            labels.forEach(label -> codes.put(key(label), value.name()));
        });
        return Map.copyOf(codes);
    }

    private static String key(String text) {
        // full-width letters and digits (ＡＰＰ, ９６１１０) as their ASCII twins
        var builder = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> builder.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
        return builder.toString().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> Map<E, List<String>> ordered(Map<E, List<String>> unordered) {
        var ordered = new LinkedHashMap<E, List<String>>();
        unordered.keySet().stream().sorted().forEach(k -> ordered.put(k, unordered.get(k)));
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
