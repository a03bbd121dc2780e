package io.purseguard.warning.excel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of the import sheet, in the template's order: the Chinese header, the intake contract's
 * field it fills (so an error on {@code person.idNumber} is reported under 身份证号), and what the
 * 说明 sheet says about it. Headers are matched by name, so the columns may come in any order.
 */
public enum ImportColumn {
    CLUE_ID("线索编号", "clueId", "必填。上游平台的线索编号，最长 64 个字符；同一编号再次导入记为“重复”，不会生成第二条预警。"),
    SOURCE("来源", "source", "必填。线索来自哪里。"),
    KIND("类型", "kind", "必填。资金预警须填写金额和交易时间。"),
    PUSHED_AT("推送时间", "pushedAt", "必填。上游推送的时间。"),
    NAME("姓名", "person.name", "必填。潜在受害人姓名，最长 64 个字符。"),
    ID_NUMBER("身份证号", "person.idNumber", "身份证号与手机号至少填一项。18 位，最后一位可为 X；请以文本格式填写，数字格式会丢失末位精度。"),
    PHONE("手机号", "person.phone", "身份证号与手机号至少填一项。大陆手机号，可带 +86。"),
    ADDRESS("住址", "person.address", "选填，最长 500 个字符。用于无法按身份证号、手机号找到人员时按地址落地。"),
    PERSON_BANK("本人开户行", "person.account.bank", "选填。"),
    PERSON_ACCOUNT("本人账号", "person.account.number", "选填；填写开户行时必填。银行卡号校验 Luhn 位。"),
    SUSPECT_BANK("对方开户行", "suspect.account.bank", "选填。涉诈账户的开户行。"),
    SUSPECT_ACCOUNT("对方账号", "suspect.account.number", "选填；填写对方开户行时必填。"),
    SUSPECT_HOLDER("对方户名", "suspect.account.holder", "选填。"),
    SUSPECT_PHONE("对方号码", "suspect.phone", "选填。涉诈电话，5 至 20 位数字，可带 +。"),
    URL("网址", "suspect.url", "选填。涉诈网址，最长 500 个字符。"),
    APP("APP", "suspect.app", "选填。涉诈 APP 名称，最长 200 个字符。"),
    AMOUNT("金额", "amount", "资金预警必填。单位元，0.01 至 100 亿元，最多两位小数。"),
    TRANSACTED_AT("交易时间", "transactedAt", "资金预警必填。"),
    FRAUD_TYPE("诈骗类型", "fraudTypeHint", "选填。"),
    /** Not in the template: an upstream platform's own grading, kept as given when a sheet has it. */
    UPSTREAM_LEVEL("上游等级", "upstreamLevel", "选填，模板中没有此列，可自行添加。上游平台给出的等级，原样保存，最长 200 个字符。");

    /** The columns the template has, in its order (all but {@link #UPSTREAM_LEVEL}). */
    public static final List<ImportColumn> TEMPLATE =
            Arrays.stream(values()).filter(c -> c != UPSTREAM_LEVEL).toList();

    /** Columns a sheet must have (besides 身份证号 or 手机号, one of which is enough). */
    static final Set<ImportColumn> REQUIRED = Set.of(CLUE_ID, SOURCE, KIND, PUSHED_AT, NAME);

    private final String header;
    private final String field;
    private final String note;

    ImportColumn(String header, String field, String note) {
        this.header = header;
        this.field = field;
        this.note = note;
    }

    /** The Chinese header, as in the template. */
    public String header() {
        return header;
    }

    /** The intake contract's field name, e.g. {@code person.idNumber}. */
    public String field() {
        return field;
    }

    String note() {
        return note;
    }

    boolean holdsTime() {
        return this == PUSHED_AT || this == TRANSACTED_AT;
    }

    /**
     * The column a header names: the Chinese header, the contract's field name, or a common variant
     * (身份证号码, 手机号码 …); spaces and a required-mark {@code *} are ignored, letters' case too.
     */
    static Optional<ImportColumn> byHeader(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var key = text.replace("\uFEFF", "").replaceAll("[\\s*＊]", "").toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (var column : values()) {
            if (column.header.toLowerCase(Locale.ROOT).equals(key)
                    || column.field.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(column);
            }
        }
        return Optional.ofNullable(
                switch (key) {
                    case "身份证号码", "公民身份号码", "证件号码", "证件号" -> ID_NUMBER;
                    case "手机号码", "手机", "联系电话" -> PHONE;
                    case "预警类型", "线索类型" -> KIND;
                    case "线索来源" -> SOURCE;
                    case "受害人姓名", "当事人姓名" -> NAME;
                    case "涉案金额", "转账金额" -> AMOUNT;
                    case "转账时间" -> TRANSACTED_AT;
                    case "对方手机号", "涉诈电话" -> SUSPECT_PHONE;
                    case "涉诈网址", "url" -> URL;
                    case "涉诈app" -> APP;
                    default -> null;
                });
    }

    /**
     * The column an intake error belongs to: the one filling that field, or for a group such as
     * {@code person}, its first column; empty for an error no column explains.
     */
    public static Optional<ImportColumn> forField(String field) {
        if (field == null) {
            return Optional.empty();
        }
        for (var column : values()) {
            if (column.field.equals(field)) {
                return Optional.of(column);
            }
        }
        for (var column : values()) {
            if (column.field.startsWith(field + ".")) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
