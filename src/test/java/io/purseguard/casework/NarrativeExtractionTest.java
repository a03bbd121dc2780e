package io.purseguard.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identifiers and amounts in the ways victims and officers write them: each line of the table is a
 * narrative fragment and what must be found in it (kind, normalised key), with its place in the text.
 */
class NarrativeExtractionTest {

    record Expected(IdentifierKind kind, String normalized, String text) {}

    static Stream<Arguments> identifiers() {
        return Stream.of(
                row(
                        "转到对方卡号6222 0202 0011 2233 446（工行）",
                        e(IdentifierKind.BANK_CARD, "6222020200112233446", "6222 0202 0011 2233 446")),
                row("对方银行卡6217-0012-3456-7893", e(IdentifierKind.BANK_CARD, "6217001234567893", "6217-0012-3456-7893")),
                row("对方电话+86 139 1234 5678，", e(IdentifierKind.PHONE, "13912345678", "+86 139 1234 5678")),
                row("来电号码8613912345678", e(IdentifierKind.PHONE, "13912345678", "8613912345678")),
                row("手机号１３９１２３４５６７８联系", e(IdentifierKind.PHONE, "13912345678", "１３９１２３４５６７８")),
                row("微信号：abc_123，", e(IdentifierKind.WECHAT, "abc_123", "abc_123")),
                row("加了对方ＶＸ：Lucky-Star88", e(IdentifierKind.WECHAT, "lucky-star88", "Lucky-Star88")),
                row("让其登录www.JinFu88.top/app下载", e(IdentifierKind.URL, "jinfu88.top/app", "www.JinFu88.top/app")),
                row("网址是jinfu.vip。", e(IdentifierKind.URL, "jinfu.vip", "jinfu.vip")),
                row(
                        "点开链接https://a.b-c.cn/reg?id=9，",
                        e(IdentifierKind.URL, "a.b-c.cn/reg?id=9", "https://a.b-c.cn/reg?id=9")),
                row("添加QQ 1791360311后", e(IdentifierKind.QQ, "1791360311", "1791360311")),
                row("支付宝账号：Wang123@163.com转账", e(IdentifierKind.ALIPAY, "wang123@163.com", "Wang123@163.com")),
                row("下载了一个名为「聚财宝」的APP", e(IdentifierKind.APP, "聚财宝", "聚财宝")),
                row("让其安装“鑫汇通”软件", e(IdentifierKind.APP, "鑫汇通", "鑫汇通")),
                row("手机IMEI：490154203237518", e(IdentifierKind.IMEI, "490154203237518", "490154203237518")),
                row("座机025-84561234打来", e(IdentifierKind.PHONE, "02584561234", "025-84561234")),
                row(
                        "两个号码13912345678 13812345678都打过",
                        e(IdentifierKind.PHONE, "13912345678", "13912345678"),
                        e(IdentifierKind.PHONE, "13812345678", "13812345678")),
                row(
                        "对公账户 310066726018010012345 收款",
                        e(IdentifierKind.ACCOUNT, "310066726018010012345", "310066726018010012345")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void finds_each_identifier_normalised_at_its_place(String text, List<Expected> expected) {
        var found = IdentifierExtractor.extract(text);
        assertThat(found)
                .extracting(FoundIdentifier::kind, FoundIdentifier::normalized)
                .containsExactlyElementsOf(expected.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.kind(), e.normalized()))
                        .toList());
        for (int i = 0; i < found.size(); i++) {
            var f = found.get(i);
            assertThat(text.substring(f.start(), f.end()))
                    .isEqualTo(expected.get(i).text());
            assertThat(f.value()).isEqualTo(expected.get(i).text());
        }
    }

    @org.junit.jupiter.api.Test
    void a_card_is_one_card_not_a_phone_inside_it_and_its_bank_is_named() {
        var found = IdentifierExtractor.extract("转账至6222020200112233446");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(IdentifierKind.BANK_CARD);
            assertThat(f.bank()).isEqualTo("中国工商银行");
        });
    }

    @org.junit.jupiter.api.Test
    void a_card_failing_luhn_is_still_offered_as_an_account() {
        assertThat(IdentifierExtractor.extract("转到卡号6222020200112233447"))
                .extracting(FoundIdentifier::kind)
                .containsExactly(IdentifierKind.ACCOUNT);
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("先后被骗12.6万元", List.of("126000.00")),
                Arguments.of("转了三万五千元给对方", List.of("35000.00")),
                Arguments.of("共计损失8.6万。", List.of("86000.00")),
                Arguments.of("用支付宝付了¥3,200", List.of("3200.00")),
                Arguments.of("人民币20000元", List.of("20000.00")),
                Arguments.of("千万不要告诉家人，今年35岁", List.of()),
                Arguments.of("十二万元", List.of("120000.00")),
                Arguments.of("两千零五十块", List.of("2050.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void reads_amounts_in_arabic_and_chinese_numerals(String text, List<String> expected) {
        var found = AmountExtractor.extract(text, IdentifierExtractor.extract(text));
        assertThat(found).extracting(a -> a.amount().toPlainString()).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void the_loss_is_the_stated_total_else_the_sum_of_what_moved() {
        var moved = "先后转账5000元和1.2万元到对方卡6222020200112233446。";
        assertThat(AmountExtractor.loss(moved, AmountExtractor.extract(moved, IdentifierExtractor.extract(moved))))
                .isEqualByComparingTo(new BigDecimal("17000"));
        var total = "第一次转账5000元，第二次转账3000元，共计损失8.6万。";
        assertThat(AmountExtractor.loss(total, AmountExtractor.extract(total, IdentifierExtractor.extract(total))))
                .isEqualByComparingTo(new BigDecimal("86000"));
        assertThat(AmountExtractor.loss("对方说日赚300", List.of())).isNull();
    }

    private static Arguments row(String text, Expected... expected) {
        return Arguments.of(text, List.of(expected));
    }

    private static Expected e(IdentifierKind kind, String normalized, String text) {
        return new Expected(kind, normalized, text);
    }
}
