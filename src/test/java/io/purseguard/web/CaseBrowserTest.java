package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.purseguard.PurseguardTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 登记案件 on a phone, in Debian's Chromium at 390×844: a station officer types the victim's account,
 * sees the identifiers marked in it and a type suggested with its reasons, corrects the type, saves the
 * case, adds the transfer and requests a stop-payment of the receiving account from the case page.
 * No page scrolls sideways. Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots.
 */
@PurseguardTest
class CaseBrowserTest extends ChromiumTest {

    static final String NARRATIVE = "受害人称在网上认识一个人，聊了两个月，"
            + "对方推荐其在网站jinfu88.top上投资理财，说老师带着炒股收益很高，对方微信号：lucky_star88，"
            + "先后向卡号6222 0202 0011 2233 446转账共计2万元，后无法提现。";

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_station_officer_on_a_phone_types_a_narrative_corrects_the_type_saves_and_stops_the_receiving_account() {
        try (var context =
                browser.newContext(HeadlessChromium.phone(390, 844, 3).setLocale("zh-CN"))) {
            var page = context.newPage();
            signIn(page, "station");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("案件").setExact(true))
                    .click();
            assertThat(page.locator("h1")).containsText("案件");
            HeadlessChromium.fitsTheScreen(page);
            page.locator("#new-case").click();
            assertThat(page.locator("h1")).containsText("登记案件");

            page.getByLabel("受害人姓名").fill("林秀芳");
            page.getByLabel("联系电话").fill("13812345670");
            page.locator("#narrative").fill(NARRATIVE);

            // identifiers marked in the text as typed (htmx, after a pause), and a type with reasons
            assertThat(page.locator("#marked mark.id-BANK_CARD")).hasText("6222 0202 0011 2233 446");
            assertThat(page.locator("#marked mark.id-WECHAT")).hasText("lucky_star88");
            assertThat(page.locator("#marked mark.id-URL")).hasText("jinfu88.top");
            assertThat(page.locator("#suggested-type")).hasText("虚假网络投资理财");
            assertThat(page.locator("#reasons li").first()).containsText("→");
            assertThat(page.locator("#loss-read")).containsText("20,000.00");
            HeadlessChromium.fitsTheScreen(page);

            // the officer knows a 杀猪盘 when they see one
            page.locator("#fraudType").selectOption(new SelectOption().setValue("ROMANCE"));
            page.locator("#save-case").click();

            assertThat(page.locator("#case-no")).containsText("A329901P01");
            assertThat(page.locator("#fraud-type")).hasText("网络婚恋交友");
            assertThat(page.locator("#victims")).containsText("林*芳");
            assertThat(page.locator("#victims")).containsText("138****5670");
            assertThat(page.locator("#narrative")).not().containsText("6222 0202 0011 2233 446");
            HeadlessChromium.fitsTheScreen(page);
            var caseNo = page.locator("#case-no").textContent().strip();

            // the receiving account's transfer, then its stop-payment, with the case number as caseRef
            page.locator("#t-amount").fill("20000");
            page.locator("#t-account").fill("6222020200112233446");
            page.locator("#t-bank").fill("中国工商银行");
            page.locator("#transfer-form button[type=submit]").click();
            page.locator("button[data-stop='1']").click();
            assertThat(page.locator("#measures .measure-row")).hasCount(1);
            assertThat(page.locator("#measures .measure-row")).containsText("紧急止付");
            assertThat(page.locator("#measures .measure-row")).containsText("6222");
            HeadlessChromium.fitsTheScreen(page);

            Assertions.assertThat(jdbc.sql(
                                    "SELECT count(*) FROM protection.measure WHERE case_ref = :ref AND kind = 'STOP_PAYMENT'")
                            .param("ref", caseNo)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            Assertions.assertThat(jdbc.sql("SELECT e.fraud_type FROM casework.type_example e JOIN casework.fraud_case c"
                                    + " ON c.id = e.case_id WHERE c.case_no = :no")
                            .param("no", caseNo)
                            .query(String.class)
                            .list())
                    .as("the correction is kept as a labelled example")
                    .containsExactly("ROMANCE");
        }
    }
}
