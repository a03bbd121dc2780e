package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.protection.gateway.CsvBatchGateway;
import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The batch-file adapter: a request to an institution that exchanges files becomes a line of its daily
 * outbound file (not an HTTP call), and its answer file is applied, moved to {@code done/}, and
 * harmless when replayed (docs/integrations/batch-csv.md).
 */
@PurseguardTest
class CsvBatchGatewayTest extends BankReceiverContext {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String OUTBOUND_HEADER = "\"幂等键\",\"操作\",\"措施编号\",\"文书编号\",\"措施类型\",\"措施名称\",\"机构\","
            + "\"账号或号码\",\"户名\",\"金额\",\"交易时间\",\"法律依据\",\"事由\",\"申诉途径\",\"到期时间\",\"发出时间\"";

    @Autowired
    Measures measures;

    @Autowired
    OutboxSender sender;

    @Autowired
    CsvBatchGateway csv;

    @Autowired
    Clock clock;

    MeasureView stopPayment(String institution, Instant transactedAt) {
        var account = "3305" + (1000000000000000L + ThreadLocalRandom.current().nextLong(8000000000000000L));
        return measures.request(
                new MeasureRequest(
                        MeasureKind.STOP_PAYMENT,
                        institution,
                        account,
                        "王五",
                        new BigDecimal("4800.00"),
                        transactedAt,
                        "资金预警，以快制快，先行止付",
                        null,
                        null,
                        "CASE-" + UUID.randomUUID(),
                        null,
                        Placement.NONE),
                "csv-tester");
    }

    /** The fields of one line written by the adapter (every field quoted, no quote inside). */
    static List<String> fields(String line) {
        assertThat(line).startsWith("\"").endsWith("\"");
        return Arrays.asList(line.substring(1, line.length() - 1).split("\",\"", -1));
    }

    @Test
    void a_request_to_a_file_exchanging_bank_is_a_line_in_its_daily_outbound_file() throws Exception {
        var transacted = Instant.parse("2026-11-20T06:30:00Z");
        var m = stopPayment(CSV_BANK, transacted);
        var key = m.measureId() + ":EXECUTE:1";
        var now = clock.instant();
        sender.drain(now);

        assertThat(RECEIVER.requests(key)).as("not sent over HTTP").isEmpty();
        assertThat(measures.find(m.measureId(), TestCallers.CITY).orElseThrow().state())
                .isEqualTo(MeasureState.SENT);
        // the file is named by the day the line was written, Beijing time
        var day = LocalDate.ofInstant(clock.instant(), LOCAL).format(DateTimeFormatter.BASIC_ISO_DATE);
        var file = EXCHANGE.resolve(CSV_BANK).resolve(day + "-outbound.csv");
        if (!Files.exists(file)) { // the drain ran just before midnight
            file = EXCHANGE.resolve(CSV_BANK)
                    .resolve(
                            LocalDate.ofInstant(now, LOCAL).format(DateTimeFormatter.BASIC_ISO_DATE) + "-outbound.csv");
        }
        var bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        var lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(OUTBOUND_HEADER);
        var mine = Arrays.stream(lines)
                .filter(l -> l.startsWith("\"" + key + "\""))
                .toList();
        assertThat(mine).as("one line per delivery").hasSize(1);
        var f = fields(mine.get(0));
        assertThat(f).hasSize(16);
        assertThat(f.get(0)).isEqualTo(key);
        assertThat(f.get(1)).isEqualTo("EXECUTE");
        assertThat(f.get(2)).isEqualTo(m.measureId().toString());
        assertThat(f.get(3)).isEqualTo(m.documentNo());
        assertThat(f.get(4)).isEqualTo("STOP_PAYMENT");
        assertThat(f.get(5)).isEqualTo("紧急止付");
        assertThat(f.get(6)).isEqualTo(CSV_BANK);
        assertThat(f.get(7)).matches("3305\\d{16}");
        assertThat(f.get(8)).isEqualTo("王五");
        assertThat(f.get(9)).isEqualTo("4800.00");
        assertThat(f.get(10)).as("Beijing time").isEqualTo("2026-11-20 14:30:00");
        assertThat(f.get(12)).isEqualTo("资金预警，以快制快，先行止付");
        assertThat(f.get(14)).as("no expiry before execution").isEmpty();
    }

    @Test
    void an_answer_file_is_applied_moved_to_done_and_harmless_when_replayed() throws Exception {
        var m = stopPayment(CSV_BANK, clock.instant().minus(Duration.ofHours(2)));
        var other = stopPayment("澄川银行", clock.instant().minus(Duration.ofHours(2)));
        sender.drain(clock.instant());
        var key = m.measureId() + ":EXECUTE:1";
        var acknowledged = clock.instant().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        var executed = acknowledged.plusSeconds(90);
        var folder = EXCHANGE.resolve(CSV_BANK);
        var name = "20261122-" + UUID.randomUUID() + "-inbound.csv";
        var answers = "\uFEFF\"幂等键\",\"状态\",\"原因\",\"金额\",\"时间\"\r\n"
                + "\"" + key + "\",\"已受理\",\"\",\"\",\"" + local(acknowledged) + "\"\r\n"
                + "\"" + key + "\",\"EXECUTED\",\"\",\"4,800.00\",\"" + local(executed) + "\"\r\n"
                // another bank's request: this bank cannot answer it
                + "\"" + other.measureId() + ":EXECUTE:1\",\"EXECUTED\",\"\",\"\",\"\"\r\n"
                + "\"" + key + "\",\"DONE\",\"\",\"\",\"\"\r\n";
        Files.writeString(folder.resolve(name), answers, StandardCharsets.UTF_8);

        var imported = csv.importAnswers();

        assertThat(imported.files()).isEqualTo(1);
        assertThat(imported.applied()).isEqualTo(2);
        assertThat(imported.errors()).hasSize(2);
        assertThat(imported.errors().get(0))
                .contains("第4行")
                .contains(other.measureId().toString());
        assertThat(imported.errors().get(1)).contains("第5行").contains("状态");
        var view = measures.find(m.measureId(), TestCallers.CITY).orElseThrow();
        assertThat(view.state()).isEqualTo(MeasureState.EXECUTED);
        assertThat(view.acknowledgedAt()).isEqualTo(acknowledged);
        assertThat(view.executedAt()).isEqualTo(executed);
        assertThat(view.expiresAt()).isEqualTo(executed.plus(Duration.ofHours(48)));
        assertThat(view.amountProtected()).isEqualByComparingTo("4800.00");
        assertThat(view.history()).extracting(MeasureView.Event::actor).contains("csv:" + CSV_BANK);
        assertThat(measures.find(other.measureId(), TestCallers.CITY)
                        .orElseThrow()
                        .state())
                .isNotEqualTo(MeasureState.EXECUTED);
        assertThat(folder.resolve(name)).doesNotExist();
        Path done = folder.resolve("done").resolve(name);
        assertThat(done).exists();
        assertThat(Files.readString(folder.resolve("done").resolve(name + ".errors.txt")))
                .contains("第4行")
                .contains("第5行");

        // the same file delivered again: nothing changes
        Files.copy(done, folder.resolve(name));
        var replayed = csv.importAnswers();
        assertThat(replayed.files()).isEqualTo(1);
        assertThat(replayed.applied()).isZero();
        assertThat(replayed.unchanged()).isEqualTo(2);
        var after = measures.find(m.measureId(), TestCallers.CITY).orElseThrow();
        assertThat(after.history()).hasSameSizeAs(view.history());
        assertThat(after.executedAt()).isEqualTo(executed);
        assertThat(folder.resolve(name)).doesNotExist();
        try (var files = Files.list(folder.resolve("done"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".csv")))
                    .as("both copies kept")
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void an_answer_file_in_gbk_with_a_rejection_is_understood() throws Exception {
        var m = stopPayment(CSV_BANK, clock.instant().minus(Duration.ofHours(1)));
        sender.drain(clock.instant());
        var answers = "措施编号,状态,原因\r\n" + m.measureId() + ",已拒绝,\"户名与账号不符，请核实\"\r\n";
        Files.write(
                EXCHANGE.resolve(CSV_BANK).resolve("20261122-gbk-" + UUID.randomUUID() + "-inbound.csv"),
                answers.getBytes("GBK"));

        var imported = csv.importAnswers();

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.applied()).isEqualTo(1);
        var view = measures.find(m.measureId(), TestCallers.CITY).orElseThrow();
        assertThat(view.state()).isEqualTo(MeasureState.REJECTED);
        assertThat(view.rejectReason()).isEqualTo("户名与账号不符，请核实");
    }

    static String local(Instant instant) {
        return instant.atZone(LOCAL).format(TIME);
    }
}
