package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.WarningIntake;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 保护措施 pages over real HTTP: a warning's measures loaded into its page and polling only while the
 * other end has not answered, a request by hand with a refused field named, a measure's page with the
 * legal basis, the appeal route and each role's actions, the bank liaison's portal (their bank only,
 * every answer audited), money protected on the board, and the printable notice whose Chinese text
 * round-trips through the PDF because the font is embedded.
 */
@PurseguardTest
class MeasurePagesTest {

    static final String PASSWORD = "demo123";
    static final String MY_STATION = "329901P01";
    static final String LOCAL_BANK = "澄川农商银行";
    static final Placement AT_MY_STATION = new Placement("329901", MY_STATION, null, null, null);
    static final Caller CENTER = new Caller("center-measures", "市中心", Role.CITY_CENTER, Scope.city());
    static final Pattern SUBSET_FONT = Pattern.compile("/[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Measures measures;

    /** A UnionPay-looking account number no other test uses. */
    static String account() {
        var digits = new StringBuilder("62");
        for (int i = 0; i < 16; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        // the Luhn check digit, as intake checks a UnionPay card number
        int sum = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = digits.charAt(i) - '0';
            if (k % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String masked(String account) {
        return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }

    /** A measure at the test station, requested by the station officer for a case of its own. */
    MeasureView measure(MeasureKind kind, String institution, String target, BigDecimal amount) {
        return measures.request(
                new MeasureRequest(
                        kind,
                        institution,
                        target,
                        "李四",
                        amount,
                        Instant.now().minusSeconds(600),
                        "测试：" + kind,
                        null,
                        null,
                        "CASE-" + UUID.randomUUID(),
                        null,
                        AT_MY_STATION),
                "station");
    }

    /** A ¥60,000 fund warning (CRITICAL) about a resident of the test station, its suspect at {@code bank}. */
    UUID fundWarning(String bank, String suspectAccount) {
        var person = TaskFixtures.ofStation(
                jdbc, MY_STATION, 20 + ThreadLocalRandom.current().nextInt(200));
        return TaskFixtures.take(
                intake,
                TaskFixtures.fund(
                        person.named(),
                        new ClueDraft.Account(bank, suspectAccount, "王五"),
                        "60000",
                        Instant.now().minusSeconds(600),
                        "FAKE_INVESTMENT",
                        "高"));
    }

    private long audited(String actor, String action, UUID measureId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = :actor AND action = :action"
                        + " AND target_id = :target")
                .param("actor", actor)
                .param("action", action)
                .param("target", measureId.toString())
                .query(Long.class)
                .single();
    }

    private MeasureState stateOf(UUID measureId) {
        return MeasureState.valueOf(jdbc.sql("SELECT state FROM protection.measure WHERE id = :id")
                .param("id", measureId)
                .query(String.class)
                .single());
    }

    private static WebSession.Page htmxPost(WebSession session, String page, String action, Map<String, String> form) {
        var csrf = WebSession.csrfOf(session.get(page));
        return session.post(action, form, "HX-Request", "true", "X-CSRF-TOKEN", csrf);
    }

    private static WebSession.Page formPost(WebSession session, String page, String action, Map<String, String> form) {
        var fields = new HashMap<>(form);
        fields.put("_csrf", WebSession.csrfOf(session.get(page)));
        return session.post(action, fields);
    }

    // ---------------------------------------------------------------- a warning's measures

    @Test
    void the_warning_page_loads_its_measures_which_poll_until_the_bank_has_answered() {
        var suspect = account();
        var warningId = fundWarning("某银行", suspect);
        var stop = TaskFixtures.firstMeasure(measures, warningId);
        assertThat(stop.kind()).isEqualTo(MeasureKind.STOP_PAYMENT);
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var page = station.get("/warnings/" + warningId).body();
        assertThat(page)
                .contains("hx-get=\"/measures/fragment/warning/" + warningId + "\"", "hx-trigger=\"load\"")
                .contains("正在加载保护措施");

        var fragment = station.get("/measures/fragment/warning/" + warningId, "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body())
                .doesNotContain("<html", "<nav")
                .contains("id=\"measures\"", "id=\"measure-list\"", "保护措施", "紧急止付", "某银行", "¥60,000.00")
                .contains(masked(suspect), "已申请", stop.documentNo(), "href=\"/measures/" + stop.measureId() + "\"")
                .contains("hx-trigger=\"every 2s\"", "hx-get=\"/measures/fragment/warning/" + warningId + "/list\"")
                .contains("申请保护措施", "name=\"kind\"", "name=\"target\"", "name=\"reason\"")
                .doesNotContain(suspect);

        measures.answer(stop.measureId(), Measures.Answer.EXECUTED, null, null, "bank:callback", null);
        var list = station.get("/measures/fragment/warning/" + warningId + "/list", "HX-Request", "true");
        assertThat(list.body())
                .contains("id=\"measure-list\"", "已执行", "mstate-EXECUTED", "data-expires=", "剩余 47:")
                .contains("已控制 ¥60,000.00")
                .doesNotContain("every 2s", "hx-get");

        // a page of its own without htmx
        assertThat(station.get("/measures/fragment/warning/" + warningId).body())
                .contains("<nav", "id=\"measures\"", "查看预警");
    }

    @Test
    void an_officer_requests_a_measure_from_the_warning_and_a_refused_field_or_rule_is_named() {
        var suspect = account();
        var warningId = fundWarning("某银行", suspect);
        TaskFixtures.firstMeasure(measures, warningId);
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = "/warnings/" + warningId;
        var action = "/measures/fragment/warning/" + warningId;

        var wrong = htmxPost(
                station,
                page,
                action,
                Map.of("kind", "PHONE_RESTRICTION", "target", "12345", "institution", "", "reason", "拒不配合"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body())
                .contains("id=\"measure-target-error\"", "手机号为 11 位", "aria-invalid=\"true\"", "value=\"12345\"")
                .contains("value=\"拒不配合\"");

        var phone = mobile();
        var made = htmxPost(
                station,
                page,
                action,
                Map.of("kind", "PHONE_RESTRICTION", "target", phone, "institution", "", "reason", "拒不配合，限制其号码"));
        assertThat(made.body())
                .contains("已申请，文书编号 澄反限〔", "限制电话卡", phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain("measure-target-error");
        var restriction = jdbc.sql(
                        "SELECT id FROM protection.measure WHERE warning_id = :w AND kind = 'PHONE_RESTRICTION'")
                .param("w", warningId)
                .query(UUID.class)
                .single();
        assertThat(audited("station", "MEASURE_REQUESTED", restriction)).isEqualTo(1);

        // the same account: a second stop-payment is allowed, a third is refused by the law's limit
        var stop = Map.of(
                "kind", "STOP_PAYMENT", "target", suspect, "institution", "某银行", "amount", "60000", "reason", "再次止付");
        assertThat(htmxPost(station, page, action, stop).body()).contains("已申请，文书编号 澄反止〔");
        var third = htmxPost(station, page, action, stop);
        assertThat(third.body()).contains("id=\"measure-problem\"", "已止付两次", "请依法冻结");
        assertThat(jdbc.sql("SELECT count(*) FROM protection.measure WHERE warning_id = :w AND kind = 'STOP_PAYMENT'")
                        .param("w", warningId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a bank liaison has no warnings; a plain form post lands on the new measure's page
        var bank = WebSession.signedIn(port, "bank", PASSWORD);
        assertThat(bank.get(action, "HX-Request", "true").status()).isEqualTo(403);
        var plain = formPost(
                station,
                page,
                action,
                Map.of(
                        "kind",
                        "URL_BLOCK",
                        "target",
                        "https://licai-vip" + UUID.randomUUID() + ".top/h5",
                        "reason",
                        "诈骗网址"));
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).contains("/measures/");
    }

    // ---------------------------------------------------------------- one measure

    @Test
    void a_phone_restriction_shows_its_appeal_route_and_an_upheld_appeal_lifts_it_at_once() {
        var m = measure(MeasureKind.PHONE_RESTRICTION, null, mobile(), null);
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = station.get("/measures/" + m.measureId());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("限制电话卡", m.documentNo(), "已申请", "id=\"appeal-route\"", "理由与申诉途径")
                .contains(m.appealRoute(), "第三十二条", "法律依据", m.legalBasis())
                .contains("记录申诉", "申诉成立，立即解除", "解除措施", "处理记录")
                .contains("href=\"/measures/" + m.measureId() + "/notice.pdf\"");

        var upheld = formPost(
                station,
                "/measures/" + m.measureId(),
                "/measures/" + m.measureId() + "/appeal",
                Map.of("upheld", "true", "note", "机主本人到场核实，非涉诈"));
        assertThat(upheld.status()).isEqualTo(302);
        assertThat(upheld.location()).endsWith("/measures/" + m.measureId());
        assertThat(station.get("/measures/" + m.measureId()).body()).contains("申诉成立，措施已解除", "已解除", "机主本人到场核实");
        assertThat(stateOf(m.measureId())).isEqualTo(MeasureState.RELEASED);
        assertThat(audited("station", "MEASURE_APPEAL_UPHELD", m.measureId())).isEqualTo(1);
    }

    @Test
    void an_executed_freeze_is_renewed_and_released_only_with_a_reason() {
        var m = measure(MeasureKind.FREEZE, "某银行", account(), new BigDecimal("12000"));
        measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank:callback", null);
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var path = "/measures/" + m.measureId();
        assertThat(station.get(path).body()).contains("续冻 6 个月", "解冻返还", "到期提醒", "已执行");

        formPost(station, path, path + "/renew", Map.of());
        assertThat(station.get(path).body()).contains("已续冻 6 个月。", "已续冻 1 次");

        formPost(station, path, path + "/release", Map.of("reason", " "));
        assertThat(station.get(path).body()).contains("请填写原因");
        assertThat(stateOf(m.measureId())).isEqualTo(MeasureState.EXECUTED);
        formPost(station, path, path + "/release", Map.of("reason", "资金已安全"));
        assertThat(station.get(path).body()).contains("已解除。", "资金已安全");
        assertThat(stateOf(m.measureId())).isEqualTo(MeasureState.RELEASED);
        assertThat(audited("station", "MEASURE_RELEASED", m.measureId())).isEqualTo(1);
    }

    @Test
    void a_measure_outside_the_callers_view_is_404_and_roles_without_actions_get_none() {
        var m = measure(MeasureKind.STOP_PAYMENT, "某银行", account(), new BigDecimal("5000"));
        var path = "/measures/" + m.measureId();
        assertThat(WebSession.signedIn(port, "station2", PASSWORD).get(path).status())
                .isEqualTo(404);
        assertThat(WebSession.signedIn(port, "auditor", PASSWORD).get(path).status())
                .isEqualTo(404);
        assertThat(WebSession.signedIn(port, "bank", PASSWORD).get(path).status())
                .isEqualTo(404); // another bank's
        assertThat(WebSession.signedIn(port, "station", PASSWORD)
                        .get("/measures/not-a-uuid")
                        .status())
                .isEqualTo(404);
        var center = WebSession.signedIn(port, "center", PASSWORD);
        assertThat(center.get(path).body()).contains(m.documentNo(), "解除措施");
        assertThat(center.get("/bank").status()).isEqualTo(403);
        var renew = formPost(center, path, path + "/renew", Map.of());
        assertThat(renew.status()).isEqualTo(403); // a stop-payment is not renewed
    }

    // ---------------------------------------------------------------- the bank liaison

    @Test
    void a_bank_liaison_sees_only_their_banks_requests_and_every_answer_is_audited() {
        var mine = measure(MeasureKind.STOP_PAYMENT, LOCAL_BANK, account(), new BigDecimal("5000"));
        var freeze = measure(MeasureKind.FREEZE, LOCAL_BANK, account(), new BigDecimal("7000"));
        var theirs = measure(MeasureKind.STOP_PAYMENT, "某银行", account(), new BigDecimal("6000"));
        var bank = WebSession.signedIn(port, "bank", PASSWORD);

        var home = bank.get("/").body();
        assertThat(home).contains("href=\"/bank\"", "银行协查");
        var portal = bank.get("/bank");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body())
                .contains("<a href=\"/bank\" class=\"active\">银行协查</a>", LOCAL_BANK, "id=\"bank-queue\"")
                .contains(mine.documentNo(), freeze.documentNo(), "受理", "已执行", "拒绝", "group-REQUESTED")
                .doesNotContain(theirs.documentNo());
        // newest first within a state
        assertThat(portal.body().indexOf(freeze.documentNo()))
                .isLessThan(portal.body().indexOf(mine.documentNo()));

        assertThat(bank.get("/measures/" + theirs.measureId()).status()).isEqualTo(404);
        assertThat(htmxPost(bank, "/bank", "/bank/" + theirs.measureId() + "/acknowledge", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(stateOf(theirs.measureId())).isEqualTo(MeasureState.REQUESTED);

        var acknowledged = htmxPost(bank, "/bank", "/bank/" + mine.measureId() + "/acknowledge", Map.of());
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body())
                .doesNotContain("<nav")
                .contains("id=\"bank-queue\"", "已受理 " + mine.documentNo(), "group-ACKNOWLEDGED");
        assertThat(stateOf(mine.measureId())).isEqualTo(MeasureState.ACKNOWLEDGED);
        assertThat(audited("bank", "MEASURE_ACKNOWLEDGED", mine.measureId())).isEqualTo(1);

        var executed = htmxPost(bank, "/bank", "/bank/" + mine.measureId() + "/execute", Map.of("amount", "4321.50"));
        assertThat(executed.body()).contains("已执行 " + mine.documentNo(), "group-EXECUTED", "¥4,321.50");
        assertThat(jdbc.sql("SELECT amount_protected FROM protection.measure WHERE id = :id")
                        .param("id", mine.measureId())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("4321.50");
        assertThat(audited("bank", "MEASURE_EXECUTED", mine.measureId())).isEqualTo(1);

        var noReason = htmxPost(bank, "/bank", "/bank/" + freeze.measureId() + "/reject", Map.of("reason", ""));
        assertThat(noReason.body()).contains("请填写原因");
        assertThat(stateOf(freeze.measureId())).isEqualTo(MeasureState.REQUESTED);
        var rejected = formPost(bank, "/bank", "/bank/" + freeze.measureId() + "/reject", Map.of("reason", "账户已销户"));
        assertThat(rejected.status()).isEqualTo(302);
        assertThat(bank.get("/bank").body()).contains("已拒绝 " + freeze.documentNo(), "账户已销户");
        assertThat(stateOf(freeze.measureId())).isEqualTo(MeasureState.REJECTED);
        assertThat(audited("bank", "MEASURE_REJECTED", freeze.measureId())).isEqualTo(1);

        // the answers are officers' business no more than the portal is
        var station = WebSession.signedIn(port, "station", PASSWORD);
        assertThat(station.get("/bank").status()).isEqualTo(403);
        assertThat(station.get("/").body()).doesNotContain("href=\"/bank\"");
        assertThat(htmxPost(station, "/", "/bank/" + theirs.measureId() + "/acknowledge", Map.of())
                        .status())
                .isEqualTo(403);
        // the liaison's measure page offers the liaison's answers, not the officers', and the notice the
        // bank acts on
        var fresh = measure(MeasureKind.STOP_PAYMENT, LOCAL_BANK, account(), new BigDecimal("800"));
        assertThat(bank.get("/measures/" + fresh.measureId()).body())
                .contains("受理", "已执行", "拒绝原因（必填）", "notice.pdf")
                .doesNotContain("解除措施", "查看预警");
    }

    @Test
    void a_bank_liaison_prints_the_notice_of_their_own_banks_measure_and_the_print_is_audited() {
        var mine = measure(MeasureKind.FREEZE, LOCAL_BANK, account(), new BigDecimal("9000"));
        var theirs = measure(MeasureKind.FREEZE, "某银行", account(), new BigDecimal("9000"));
        var bank = WebSession.signedIn(port, "bank", PASSWORD);

        var pdf = bank.get("/measures/" + mine.measureId() + "/notice.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(audited("bank", "MEASURE_NOTICE_PRINTED", mine.measureId())).isEqualTo(1);
        assertThat(bank.get("/measures/" + theirs.measureId() + "/notice.pdf").status())
                .isEqualTo(404);
        assertThat(WebSession.signedIn(port, "auditor", PASSWORD)
                        .get("/measures/" + mine.measureId() + "/notice.pdf")
                        .status())
                .isEqualTo(403);
    }

    // ---------------------------------------------------------------- money protected

    @Test
    void the_board_loads_money_protected_which_counts_an_executed_stop_payment() {
        var center = WebSession.signedIn(port, "center", PASSWORD);
        assertThat(center.get("/warnings/board").body())
                .contains("id=\"money-protected\"", "hx-get=\"/measures/money\"", "hx-trigger=\"load, every 10s\"");
        var before = measures.moneyProtected(CENTER).today();
        var m = measure(MeasureKind.STOP_PAYMENT, "某银行", account(), new BigDecimal("3333.33"));
        measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank:callback", null);
        var money = center.get("/measures/money", "HX-Request", "true").body();
        assertThat(money)
                .contains("保护资金", "今日", "本月", "本年", "本年已返还", "id=\"money-chart\"")
                .doesNotContain("<nav");
        var today = Pattern.compile("id=\"money-today\">¥([\\d,.]+)<").matcher(money);
        assertThat(today.find()).as(money).isTrue();
        assertThat(new BigDecimal(today.group(1).replace(",", "")))
                .isGreaterThanOrEqualTo(before.add(new BigDecimal("3333.33")));
        assertThat(center.get("/measures/money?lang=en", "HX-Request", "true").body())
                .contains("Money protected", "This month");
    }

    // ---------------------------------------------------------------- the printable notice

    @Test
    void the_notice_pdf_carries_the_full_account_in_chinese_that_round_trips_and_each_print_is_audited()
            throws IOException {
        var suspect = account();
        var m = measure(MeasureKind.STOP_PAYMENT, LOCAL_BANK, suspect, new BigDecimal("60000"));
        measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank:callback", null);
        var path = "/measures/" + m.measureId() + "/notice.pdf";

        var pdf = download("station", path);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        var reader = new PdfReader(pdf.body());
        var text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text)
                .contains("止付", "协助紧急止付通知书", "澄川市公安局", m.documentNo(), LOCAL_BANK + "：")
                .contains(suspect, "李四", "人民币60,000.00元", "48小时", "执行时间", "到期时间", "特此通知", "（公章）")
                .contains("青石派出所民警（station）", "承办单位", "青石派出所");
        assertThat(reader.getNumberOfPages()).as("the notice fits one page").isEqualTo(1);
        // the text round-trips because the font is embedded (a subset, with its TrueType program)
        var fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        assertThat(fonts.getKeys()).isNotEmpty();
        for (var key : fonts.getKeys()) {
            var font = (PdfDictionary) PdfReader.getPdfObject(fonts.get((PdfName) key));
            assertThat(font.getAsName(PdfName.BASEFONT).toString()).matches(SUBSET_FONT);
            var descendant = (PdfDictionary) PdfReader.getPdfObject(
                    font.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
            var descriptor = (PdfDictionary) PdfReader.getPdfObject(descendant.get(PdfName.FONTDESCRIPTOR));
            assertThat(descriptor.get(PdfName.FONTFILE2))
                    .as("embedded TrueType program")
                    .isNotNull();
            assertThat(font.get(PdfName.TOUNICODE)).isNotNull();
        }
        assertThat(audited("station", "MEASURE_NOTICE_PRINTED", m.measureId())).isEqualTo(1);
        download("station", path);
        assertThat(audited("station", "MEASURE_NOTICE_PRINTED", m.measureId())).isEqualTo(2);

        // only roles that may reveal, and the bank's own liaison (issue 12), print it, within their view
        assertThat(download("grid", path).statusCode()).isEqualTo(403);
        assertThat(download("bank", path).statusCode()).isEqualTo(200);
        assertThat(download("station2", path).statusCode()).isEqualTo(404);
        assertThat(download("center", path).statusCode()).isEqualTo(200);
        assertThat(audited("grid", "MEASURE_NOTICE_PRINTED", m.measureId())).isZero();
    }

    /** Signs in as {@code username} and fetches {@code path} as bytes (WebSession reads text). */
    private HttpResponse<byte[]> download(String username, String path) {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            var login = http.send(
                    HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
            var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
            assertThat(csrf.find()).isTrue();
            var form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf="
                    + encode(csrf.group(1));
            var signedIn = http.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
