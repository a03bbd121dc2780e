package io.purseguard.protection.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.Measures;
import io.purseguard.protection.ProtectionProperties;
import io.purseguard.scope.Scope;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The batch-file adapter (docs/integrations/batch-csv.md) for the institutions listed in {@code
 * purseguard.protection.csv.institutions}: each delivery is one line appended (and fsync'ed) to {@code
 * <directory>/<institution>/<yyyyMMdd>-outbound.csv}; the institution answers in {@code
 * *-inbound.csv} files in the same folder, which are read, applied through {@link Measures#answer} and
 * moved to {@code done/}. Both files are UTF-8 with a byte-order mark (so Excel opens them), Chinese
 * headers, every field quoted. Served before the HTTP adapter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class CsvBatchGateway implements InstitutionGateway {

    private static final Logger log = LoggerFactory.getLogger(CsvBatchGateway.class);
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String BOM = "\uFEFF";
    static final String OUTBOUND = "-outbound.csv";
    static final String INBOUND = "-inbound.csv";
    static final String DONE = "done";

    /** The outbound columns: the JSON field each comes from, and its header. */
    static final List<String[]> OUTBOUND_COLUMNS = List.of(
            new String[] {"idempotencyKey", "幂等键"},
            new String[] {"operation", "操作"},
            new String[] {"measureId", "措施编号"},
            new String[] {"documentNo", "文书编号"},
            new String[] {"kind", "措施类型"},
            new String[] {"kindName", "措施名称"},
            new String[] {"institution", "机构"},
            new String[] {"target", "账号或号码"},
            new String[] {"holder", "户名"},
            new String[] {"amount", "金额"},
            new String[] {"transactedAt", "交易时间"},
            new String[] {"legalBasis", "法律依据"},
            new String[] {"reason", "事由"},
            new String[] {"appealRoute", "申诉途径"},
            new String[] {"expiresAt", "到期时间"},
            new String[] {"issuedAt", "发出时间"});

    /** The inbound columns, by header (order free; English names accepted too). */
    static final Map<String, String> INBOUND_HEADERS = Map.ofEntries(
            Map.entry("幂等键", "idempotencyKey"),
            Map.entry("idempotencykey", "idempotencyKey"),
            Map.entry("措施编号", "measureId"),
            Map.entry("measureid", "measureId"),
            Map.entry("状态", "status"),
            Map.entry("status", "status"),
            Map.entry("原因", "reason"),
            Map.entry("reason", "reason"),
            Map.entry("金额", "amount"),
            Map.entry("amount", "amount"),
            Map.entry("时间", "at"),
            Map.entry("at", "at"));

    static final Map<String, String> KIND_NAMES = Map.of(
            "STOP_PAYMENT", "紧急止付",
            "FREEZE", "冻结",
            "UNFREEZE_RETURN", "解冻返还",
            "PHONE_RESTRICTION", "限制号码功能",
            "URL_BLOCK", "封堵网址",
            "APP_BLOCK", "封堵应用",
            "CARD_CUT", "断卡");

    static final Map<String, Measures.Answer> STATUSES = Map.of(
            "ACKNOWLEDGED", Measures.Answer.ACKNOWLEDGED,
            "已受理", Measures.Answer.ACKNOWLEDGED,
            "EXECUTED", Measures.Answer.EXECUTED,
            "已执行", Measures.Answer.EXECUTED,
            "REJECTED", Measures.Answer.REJECTED,
            "已拒绝", Measures.Answer.REJECTED);

    private final ProtectionProperties properties;
    private final Measures measures;
    private final ObjectMapper json;
    private final Clock clock;

    CsvBatchGateway(ProtectionProperties properties, Measures measures, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.measures = measures;
        this.json = json;
        this.clock = clock;
    }

    private List<String> institutions() {
        var list = properties.csv().institutions();
        return list == null ? List.of() : list.stream().map(String::strip).toList();
    }

    private Path directory() {
        var dir = properties.csv().directory();
        return Path.of(dir == null || dir.isBlank() ? "./data/exchange" : dir);
    }

    /** The folder of one institution; its name made safe for any file system. */
    Path folder(String institution) {
        var safe = institution.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return directory().resolve(safe.isEmpty() || safe.matches("\\.+") ? "_" : safe);
    }

    @Override
    public boolean serves(String institution, String channel) {
        return institution != null && institutions().contains(institution.strip());
    }

    // ------------------------------------------------------------------ outbound

    /**
     * Appends the delivery to today's outbound file (Asia/Shanghai), writing the BOM and the header
     * when the file is new; the line is forced to disk before this returns, so a delivery marked done
     * is on disk. A crash after the write and before the outbox commits writes the line again on the
     * resend, with the same idempotency key, which the institution de-duplicates by.
     */
    @Override
    public synchronized void deliver(Delivery delivery) throws DeliveryFailed {
        JsonNode body;
        try {
            body = json.reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(delivery.body());
        } catch (IOException e) {
            throw new DeliveryFailed("not a JSON message: " + e.getMessage(), e);
        }
        var fields = new ArrayList<String>();
        for (var column : OUTBOUND_COLUMNS) {
            fields.add(field(body, column[0]));
        }
        var day = LocalDateTime.ofInstant(clock.instant(), LOCAL).format(DAY);
        var folder = folder(delivery.institution());
        var file = folder.resolve(day + OUTBOUND);
        try {
            Files.createDirectories(folder);
            try (var channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    var lock = channel.lock()) {
                var text = new StringBuilder();
                if (channel.size() == 0) {
                    text.append(BOM)
                            .append(line(
                                    OUTBOUND_COLUMNS.stream().map(c -> c[1]).toList()));
                }
                text.append(line(fields));
                var bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            throw new DeliveryFailed("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String field(JsonNode body, String name) {
        if ("kindName".equals(name)) {
            return KIND_NAMES.getOrDefault(body.path("kind").asText(""), "");
        }
        var value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            var number = value.decimalValue();
            // money with its two decimals, as the bank books it
            return ("amount".equals(name) && number.scale() < 2 ? number.setScale(2) : number).toPlainString();
        }
        var text = value.asText();
        if (name.endsWith("At")) {
            try {
                return LocalDateTime.ofInstant(Instant.parse(text), LOCAL).format(TIME);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        // one line per delivery: a line break inside a reason becomes a space
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /** RFC 4180: every field quoted, quotes doubled, CRLF at the end. */
    static String line(List<String> fields) {
        var out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            var f = fields.get(i) == null ? "" : fields.get(i);
            out.append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return out.append("\r\n").toString();
    }

    // ------------------------------------------------------------------ inbound

    /** What one import did. */
    public record Imported(int files, int applied, int unchanged, List<String> errors) {}

    @Scheduled(
            fixedDelayString = "${purseguard.protection.csv.poll-every:PT30S}",
            initialDelayString = "${purseguard.protection.csv.poll-every:PT30S}")
    void poll() {
        if (properties.senderEnabled() && !institutions().isEmpty()) {
            try {
                var imported = importAnswers();
                if (imported.files() > 0) {
                    log.info(
                            "CSV answers: {} files, {} applied, {} unchanged, {} errors",
                            imported.files(),
                            imported.applied(),
                            imported.unchanged(),
                            imported.errors().size());
                }
            } catch (RuntimeException e) {
                log.warn("CSV answers could not be imported", e);
            }
        }
    }

    /**
     * Reads every institution's {@code *-inbound.csv} files (oldest name first), applies each answer
     * and moves the file to {@code done/}. A row that cannot be applied (unknown measure, another
     * institution's measure, a bad status, a rejection without a reason) is reported in {@code
     * done/<file>.errors.txt} and the rest of the file still counts. When the database fails the file is
     * left where it is and read again next time: answers are idempotent, so the rows already applied
     * change nothing the second time.
     */
    public synchronized Imported importAnswers() {
        int files = 0;
        int applied = 0;
        int unchanged = 0;
        var errors = new ArrayList<String>();
        for (var institution : institutions()) {
            var folder = folder(institution);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> inbound;
            try (var list = Files.list(folder)) {
                inbound = list.filter(p -> p.getFileName().toString().endsWith(INBOUND) && Files.isRegularFile(p))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                errors.add(folder + ": " + e.getMessage());
                continue;
            }
            for (var file : inbound) {
                var fileErrors = new ArrayList<String>();
                int[] counts;
                try {
                    counts = importFile(institution, file, fileErrors);
                } catch (IOException e) {
                    errors.add(file.getFileName() + ": " + e.getMessage());
                    continue;
                }
                files++;
                applied += counts[0];
                unchanged += counts[1];
                fileErrors.forEach(e -> errors.add(file.getFileName() + " " + e));
                try {
                    moveToDone(file, fileErrors);
                } catch (IOException e) {
                    errors.add(file.getFileName() + ": not moved to done/: " + e.getMessage());
                }
            }
        }
        return new Imported(files, applied, unchanged, List.copyOf(errors));
    }

    private int[] importFile(String institution, Path file, List<String> errors) throws IOException {
        var rows = parse(decode(Files.readAllBytes(file)));
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        var columns = new HashMap<String, Integer>();
        var header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            var name = INBOUND_HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (name != null) {
                columns.put(name, i);
            }
        }
        if (!columns.containsKey("status")
                || !(columns.containsKey("idempotencyKey") || columns.containsKey("measureId"))) {
            errors.add("第1行: the header needs 状态 and 幂等键 or 措施编号");
            return new int[] {0, 0};
        }
        // the institution answers only for its own requests
        var asInstitution =
                new Caller("csv:" + institution, institution, Role.BANK_LIAISON, Scope.institution(institution));
        int applied = 0;
        int unchanged = 0;
        for (int r = 1; r < rows.size(); r++) {
            var row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            var line = "第" + (r + 1) + "行: ";
            try {
                var id = measureId(cell(row, columns, "measureId"), cell(row, columns, "idempotencyKey"));
                var status = STATUSES.get(cell(row, columns, "status").toUpperCase(Locale.ROOT));
                if (status == null) {
                    throw new IllegalArgumentException("状态 must be ACKNOWLEDGED/已受理, EXECUTED/已执行 or REJECTED/已拒绝");
                }
                if (measures.find(id, asInstitution).isEmpty()) {
                    throw new IllegalArgumentException("no request " + id + " of " + institution);
                }
                var amountText = cell(row, columns, "amount").replace(",", "");
                var amount = amountText.isEmpty() ? null : new BigDecimal(amountText);
                var reason = cell(row, columns, "reason");
                boolean changed = measures.answer(
                        id,
                        status,
                        reason.isEmpty() ? null : reason,
                        amount,
                        "csv:" + institution,
                        time(cell(row, columns, "at")));
                if (changed) {
                    applied++;
                } else {
                    unchanged++;
                }
            } catch (IllegalArgumentException | MeasureRefused | Measures.MeasureNotFound e) {
                // NumberFormatException and DateTimeParseException are IllegalArgumentExceptions too
                errors.add(line + e.getMessage());
            }
        }
        return new int[] {applied, unchanged};
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        var i = columns.get(name);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    private static UUID measureId(String measureId, String key) {
        if (!measureId.isEmpty()) {
            return UUID.fromString(measureId);
        }
        if (key.contains(":")) {
            return UUID.fromString(key.substring(0, key.indexOf(':')));
        }
        throw new IllegalArgumentException("幂等键 or 措施编号 is required");
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in Beijing time, or ISO-8601 with an offset; blank = now. */
    static Instant time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            var local = text.contains("T") ? LocalDateTime.parse(text) : LocalDateTime.parse(text, TIME);
            return local.atZone(LOCAL).toInstant();
        }
    }

    /** UTF-8 (with or without the BOM), or GB18030 (which covers GBK) when the bytes are not UTF-8. */
    static String decode(byte[] bytes) {
        try {
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith(BOM) ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030").decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(CharSequence text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        var in = CharBuffer.wrap(text);
        while (in.hasRemaining()) {
            char c = in.get();
            if (quoted) {
                if (c == '"') {
                    if (in.hasRemaining() && in.get(in.position()) == '"') {
                        in.get();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && in.hasRemaining() && in.get(in.position()) == '\n') {
                    in.get();
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private void moveToDone(Path file, List<String> errors) throws IOException {
        var done = file.resolveSibling(DONE);
        Files.createDirectories(done);
        var name = file.getFileName().toString();
        var target = done.resolve(name);
        if (Files.exists(target)) {
            // the same file name again (a replay): keep both
            target = done.resolve(name.substring(0, name.length() - 4) + "." + clock.millis() + ".csv");
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
        if (!errors.isEmpty()) {
            var report = target.resolveSibling(target.getFileName() + ".errors.txt");
            Files.writeString(report, BOM + String.join("\r\n", errors) + "\r\n", StandardCharsets.UTF_8);
        }
    }
}
