package io.purseguard.casework;

import io.purseguard.dissuasion.VictimisationReported;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Text;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.ResidentLocator;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.FraudType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports cases from the provincial case system's Excel export: the first sheet, a header row naming
 * the columns in Chinese ({@link Column}), one case a row. Each row is checked on its own; a bad row
 * is reported by its row number and column, in Chinese, and the good rows are kept. Rows go in by a
 * thousand, each thousand in its own transaction and by {@code COPY}; each row's narrative is read
 * for identifiers and, where the sheet gives no type, a suggested type. A case number seen before
 * (案件编号, kept as the upstream reference) is a duplicate, not a second case.
 */
@Service
public class CaseImport {

    static final int CHUNK = 1_000;

    /** The columns the import reads, by their Chinese headers. */
    public enum Column {
        CASE_NO("案件编号", true),
        REPORTED_AT("接报时间", true),
        UNIT("受理单位", true),
        VICTIM("受害人姓名", true),
        ID_NUMBER("身份证号", false),
        PHONE("联系电话", false),
        OCCUPATION("职业", false),
        FRAUD_TYPE("诈骗类型", false),
        LOSS("损失金额", false),
        NARRATIVE("简要案情", true),
        STATUS("案件状态", false),
        ACCOUNT("收款账号", false),
        HOLDER("收款户名", false),
        BANK("收款银行", false);

        private final String header;
        private final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        public String header() {
            return header;
        }

        public boolean required() {
            return required;
        }
    }

    /** One refusal: the row as Excel numbers it, the column's header, and why, in Chinese. */
    public record RowError(int row, String column, String message) {}

    public record Report(long rows, long imported, long duplicate, long rejected, List<RowError> errors) {}

    /** At most this many errors are listed; the counts stay exact. */
    static final int MAX_ERRORS = 1_000;

    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"));
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd"), DateTimeFormatter.ofPattern("yyyy/M/d"));

    private final CaseStore store;
    private final CaseNumbers numbers;
    private final NarrativeAnalyzer analyzer;
    private final Units units;
    private final ResidentLocator locator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseImport(
            CaseStore store,
            CaseNumbers numbers,
            NarrativeAnalyzer analyzer,
            Units units,
            ResidentLocator locator,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.analyzer = analyzer;
        this.units = units;
        this.locator = locator;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Imports the sheet; {@code progress} hears the number of rows read so far.
     *
     * @throws CaseRefused naming {@code file} when it is no readable .xlsx or lacks a required column
     */
    public Report importFile(Path file, Caller caller, LongConsumer progress) throws IOException {
        CaseScope.requireWorksCases(caller);
        var stations = new HashMap<String, Unit>();
        for (var unit : units.list(UnitKind.STATION, caller.scope())) {
            stations.put(unit.code(), unit);
            stations.put(unit.name(), unit);
        }
        var run = new Run(caller, stations, progress);
        try {
            CaseSheet.read(file, run::row);
        } catch (CaseSheet.Unreadable e) {
            throw new CaseRefused("file", "不是可读取的 .xlsx 文件");
        }
        run.flush();
        if (run.columns == null) {
            throw new CaseRefused("file", "工作表为空：第1行应为列名（" + headers() + "）");
        }
        audit.record(
                caller.name(),
                "CASES_IMPORTED",
                "case-import",
                file.getFileName().toString(),
                run.imported + " imported, " + run.duplicate + " duplicate, " + run.rejected + " rejected");
        return new Report(run.rows, run.imported, run.duplicate, run.rejected, List.copyOf(run.errors));
    }

    /**
     * Imports rows given as values by column (the demo's history, another system's feed), checked and
     * written exactly as a sheet's rows are; the row numbers in errors count from 2, as a sheet's would.
     */
    public Report importRows(List<Map<Column, String>> rows, Caller caller) {
        CaseScope.requireWorksCases(caller);
        var stations = new HashMap<String, Unit>();
        for (var unit : units.list(UnitKind.STATION, caller.scope())) {
            stations.put(unit.code(), unit);
            stations.put(unit.name(), unit);
        }
        var run = new Run(caller, stations, done -> {});
        run.columns = new LinkedHashMap<>();
        for (var column : Column.values()) {
            run.columns.put(column, column.ordinal());
        }
        int number = 2;
        for (var values : rows) {
            var cells = new ArrayList<String>();
            for (var column : Column.values()) {
                cells.add(values.get(column));
            }
            run.row(new CaseSheet.Row(number++, cells));
        }
        run.flush();
        audit.record(
                caller.name(),
                "CASES_IMPORTED",
                "case-import",
                "rows",
                run.imported + " imported, " + run.rejected + " rejected");
        return new Report(run.rows, run.imported, run.duplicate, run.rejected, List.copyOf(run.errors));
    }

    private static String headers() {
        return String.join(
                "、",
                java.util.Arrays.stream(Column.values()).map(Column::header).toList());
    }

    /** One import's state: the header's columns, the chunk at hand, the counts and errors. */
    private final class Run {

        final Caller caller;
        final Map<String, Unit> stations;
        final LongConsumer progress;
        Map<Column, Integer> columns;
        final List<CaseSheet.Row> chunk = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        final java.util.Set<String> seenRefs = new HashSet<>();
        long rows;
        long imported;
        long duplicate;
        long rejected;

        Run(Caller caller, Map<String, Unit> stations, LongConsumer progress) {
            this.caller = caller;
            this.stations = stations;
            this.progress = progress;
        }

        void row(CaseSheet.Row row) {
            if (columns == null) {
                header(row);
                return;
            }
            if (row.cells().stream().allMatch(c -> c == null)) {
                return;
            }
            rows++;
            chunk.add(row);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void header(CaseSheet.Row row) {
            var found = new LinkedHashMap<Column, Integer>();
            for (int i = 0; i < row.cells().size(); i++) {
                var text = row.cell(i);
                for (var column : Column.values()) {
                    if (column.header().equals(text)) {
                        found.putIfAbsent(column, i);
                    }
                }
            }
            var missing = java.util.Arrays.stream(Column.values())
                    .filter(c -> c.required() && !found.containsKey(c))
                    .map(c -> "「" + c.header() + "」")
                    .toList();
            if (!missing.isEmpty()) {
                throw new CaseRefused("file", "缺少必填列" + String.join("", missing) + "；第1行应为列名（" + headers() + "）");
            }
            columns = found;
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            var batch = List.copyOf(chunk);
            chunk.clear();
            transactions.executeWithoutResult(status -> importChunk(batch, this));
            progress.accept(rows);
        }

        String cell(CaseSheet.Row row, Column column) {
            var index = columns.get(column);
            return index == null ? null : row.cell(index);
        }

        void error(CaseSheet.Row row, Column column, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(row.number(), column.header(), message));
            }
        }
    }

    /** A row checked: what the case needs, before numbers and the registry are looked up. */
    private record Checked(
            CaseSheet.Row row,
            String ref,
            Instant reportedAt,
            Unit unit,
            String victim,
            String idNumber,
            String phone,
            String occupation,
            FraudType type,
            BigDecimal loss,
            String narrative,
            CaseStatus status,
            String account,
            String holder,
            String bank) {}

    private void importChunk(List<CaseSheet.Row> rows, Run run) {
        var checked = new ArrayList<Checked>();
        for (var row : rows) {
            var c = check(row, run);
            if (c != null) {
                checked.add(c);
            }
        }
        // a case number seen before (an earlier import, or this file) is a duplicate
        var refs = checked.stream().map(Checked::ref).toList();
        var known =
                new HashSet<>(jdbc.sql("SELECT upstream_ref FROM casework.fraud_case WHERE upstream_ref = ANY(:refs)")
                        .param("refs", refs.toArray(String[]::new))
                        .query(String.class)
                        .list());
        var fresh = new ArrayList<Checked>();
        for (var c : checked) {
            if (known.contains(c.ref()) || !run.seenRefs.add(c.ref())) {
                run.duplicate++;
            } else {
                fresh.add(c);
            }
        }
        var registered = locator.byIdNumbers(
                fresh.stream().map(Checked::idNumber).filter(id -> id != null).toList());
        var numbersByUnit = new HashMap<String, ArrayList<String>>();
        var byUnitYear = new LinkedHashMap<String, List<Checked>>();
        for (var c : fresh) {
            byUnitYear
                    .computeIfAbsent(
                            c.unit().code() + "|"
                                    + c.reportedAt().atZone(CaseNumbers.LOCAL).getYear(),
                            k -> new ArrayList<>())
                    .add(c);
        }
        byUnitYear.forEach((key, group) -> numbersByUnit.put(
                key,
                new ArrayList<>(List.of(
                        numbers.reserve(group.get(0).unit().code(), group.get(0).reportedAt(), group.size())))));
        var now = clock.instant();
        var cases = new ArrayList<NewCase>();
        for (var c : fresh) {
            var key = c.unit().code() + "|"
                    + c.reportedAt().atZone(CaseNumbers.LOCAL).getYear();
            var caseNo = numbersByUnit.get(key).remove(0);
            cases.add(newCase(c, caseNo, registered.get(c.idNumber()), run.caller, now));
        }
        store.insertAll(cases);
        run.imported += cases.size();
        for (var c : cases) {
            events.publishEvent(new CaseOpened(
                    c.id(),
                    c.caseNo(),
                    c.fraudType(),
                    c.lossAmount(),
                    c.origin(),
                    null,
                    c.placement().station(),
                    c.placement().district(),
                    c.reportedAt()));
            var v = c.victims().get(0);
            if (v.idNumber() != null || v.phone() != null) {
                events.publishEvent(new VictimisationReported(
                        v.residentId(), v.idNumber(), v.phone(), c.reportedAt(), "CASE", c.caseNo(), Cases.NO_TASK));
            }
        }
    }

    private NewCase newCase(
            Checked c, String caseNo, io.purseguard.residents.LocatedResident resident, Caller caller, Instant now) {
        var analysis = analyzer.analyze(c.narrative());
        var identifiers = CaseInputs.found(analysis.identifiers());
        var transfers = new ArrayList<NewCase.Transfer>();
        if (c.account() != null && c.loss() != null && c.loss().signum() > 0) {
            transfers.add(new NewCase.Transfer(
                    1, null, c.loss(), null, c.account(), c.holder(), c.bank(), TransferChannel.BANK, caller.name()));
            var receiving = CaseInputs.receiving(c.account(), c.bank());
            if (receiving != null
                    && identifiers.stream()
                            .noneMatch(i -> i.kind() == receiving.kind()
                                    && i.normalized().equals(receiving.normalized()))) {
                identifiers.add(receiving);
            }
        }
        var loss = c.loss() != null ? c.loss() : analysis.lossAmount();
        var id = c.idNumber() == null ? null : new IdNumber(c.idNumber());
        var placement = resident != null ? resident.placement() : c.unit().placement();
        var history = new ArrayList<NewCase.History>();
        history.add(new NewCase.History(
                1,
                c.reportedAt(),
                caller.name(),
                "IMPORTED",
                null,
                c.status(),
                c.unit().code(),
                "省案件系统 " + c.ref()));
        return new NewCase(
                TimeOrderedIds.next(),
                caseNo,
                c.status(),
                CaseOrigin.IMPORT,
                c.ref(),
                null,
                null,
                c.type() != null ? c.type() : analysis.fraudType().code(),
                null,
                analysis.fraudType(),
                c.narrative(),
                loss,
                loss,
                c.reportedAt(),
                null,
                c.reportedAt(),
                c.unit().code(),
                c.unit().placement().district(),
                null,
                id == null ? null : id.birthDate(),
                id == null ? null : id.gender().name(),
                now,
                caller.name(),
                placement,
                List.of(new NewCase.Victim(
                        1,
                        resident == null ? null : resident.residentId(),
                        c.victim(),
                        c.idNumber(),
                        c.phone(),
                        id == null ? null : id.birthDate(),
                        id == null ? null : id.gender().name(),
                        c.occupation(),
                        null)),
                identifiers,
                transfers,
                history);
    }

    /** The row's fields, or null after reporting every problem it has. */
    private Checked check(CaseSheet.Row row, Run run) {
        int before = run.errors.size();
        boolean bad = false;
        var ref = run.cell(row, Column.CASE_NO);
        if (ref == null) {
            run.error(row, Column.CASE_NO, "必填");
            bad = true;
        } else if (ref.length() > Text.SHORT || Text.hasControlCharacters(ref)) {
            run.error(row, Column.CASE_NO, "格式不正确");
            bad = true;
        }
        Instant reportedAt = null;
        var time = run.cell(row, Column.REPORTED_AT);
        if (time == null) {
            run.error(row, Column.REPORTED_AT, "必填");
            bad = true;
        } else {
            reportedAt = time(time);
            if (reportedAt == null) {
                run.error(row, Column.REPORTED_AT, "无法识别的时间「" + time + "」，应如 2026-03-04 10:00");
                bad = true;
            } else if (reportedAt.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
                run.error(row, Column.REPORTED_AT, "不能晚于当前时间");
                bad = true;
            }
        }
        var unitText = run.cell(row, Column.UNIT);
        Unit unit = unitText == null ? null : run.stations.get(unitText);
        if (unitText == null) {
            run.error(row, Column.UNIT, "必填");
            bad = true;
        } else if (unit == null) {
            run.error(row, Column.UNIT, "「" + unitText + "」不是您辖区内的派出所");
            bad = true;
        }
        var victim = run.cell(row, Column.VICTIM);
        if (victim == null) {
            run.error(row, Column.VICTIM, "必填");
            bad = true;
        } else if (victim.length() > Text.NAME || Text.hasControlCharacters(victim)) {
            run.error(row, Column.VICTIM, "姓名过长或含非法字符");
            bad = true;
        }
        var idNumber = run.cell(row, Column.ID_NUMBER);
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
            if (!IdNumber.isValid(idNumber)) {
                run.error(row, Column.ID_NUMBER, "身份证号无效（长度、出生日期或校验位不对）");
                bad = true;
            }
        }
        var phoneText = run.cell(row, Column.PHONE);
        String phone = null;
        if (phoneText != null) {
            phone = Identifiers.normalize(IdentifierKind.PHONE, phoneText).orElse(null);
            if (phone == null) {
                run.error(row, Column.PHONE, "不是有效的手机或固话号码");
                bad = true;
            }
        }
        var typeText = run.cell(row, Column.FRAUD_TYPE);
        FraudType type = null;
        if (typeText != null) {
            type = fraudType(typeText);
            if (type == null) {
                run.error(row, Column.FRAUD_TYPE, "无法识别的诈骗类型「" + typeText + "」");
                bad = true;
            }
        }
        var lossText = run.cell(row, Column.LOSS);
        BigDecimal loss = null;
        if (lossText != null) {
            try {
                loss = new BigDecimal(lossText.replace(",", "").replace("元", "").strip());
                if (loss.signum() < 0 || loss.stripTrailingZeros().scale() > 2) {
                    run.error(row, Column.LOSS, "金额应≥0，最多两位小数");
                    bad = true;
                }
            } catch (NumberFormatException e) {
                run.error(row, Column.LOSS, "不是数字「" + lossText + "」");
                bad = true;
            }
        }
        var narrative = run.cell(row, Column.NARRATIVE);
        if (narrative == null) {
            run.error(row, Column.NARRATIVE, "必填");
            bad = true;
        } else if (narrative.length() > Text.NARRATIVE || Text.hasControlCharacters(narrative)) {
            run.error(row, Column.NARRATIVE, "过长或含非法字符");
            bad = true;
        }
        var statusText = run.cell(row, Column.STATUS);
        var status = statusText == null ? CaseStatus.REPORTED : status(statusText);
        if (status == null) {
            run.error(row, Column.STATUS, "应为接报、受理、立案、不予立案、破案或结案");
            bad = true;
        }
        var account = run.cell(row, Column.ACCOUNT);
        if (account != null) {
            account = account.replaceAll("[\\s-]", "");
            if (!account.matches("\\d{8,30}")) {
                run.error(row, Column.ACCOUNT, "收款账号应为8至30位数字");
                bad = true;
            }
        }
        if (bad || run.errors.size() > before) {
            run.rejected++;
            return null;
        }
        return new Checked(
                row,
                ref,
                reportedAt,
                unit,
                victim,
                idNumber,
                phone,
                clip(run.cell(row, Column.OCCUPATION), Text.SHORT),
                type,
                loss == null ? null : loss.setScale(2, java.math.RoundingMode.UNNECESSARY),
                narrative,
                status,
                account,
                clip(run.cell(row, Column.HOLDER), Text.NAME),
                clip(run.cell(row, Column.BANK), Text.SHORT));
    }

    private static String clip(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }

    static Instant time(String text) {
        for (var format : TIMES) {
            try {
                return LocalDateTime.parse(text, format)
                        .atZone(CaseNumbers.LOCAL)
                        .toInstant();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        for (var format : DATES) {
            try {
                return LocalDate.parse(text, format)
                        .atStartOfDay(CaseNumbers.LOCAL)
                        .toInstant();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    static FraudType fraudType(String text) {
        for (var type : FraudType.values()) {
            if (type.name().equalsIgnoreCase(text) || KeywordRules.of(type).zh().equals(text)) {
                return type;
            }
        }
        return switch (text) {
            case "杀猪盘", "婚恋交友" -> FraudType.ROMANCE;
            case "刷单" -> FraudType.REBATE_ORDERS;
            case "冒充公检法" -> FraudType.IMPERSONATE_AUTHORITY;
            case "冒充客服", "冒充电商客服" -> FraudType.FAKE_CUSTOMER_SERVICE;
            case "投资理财" -> FraudType.FAKE_INVESTMENT;
            default -> null;
        };
    }

    static CaseStatus status(String text) {
        for (var status : CaseStatus.values()) {
            if (status.name().equalsIgnoreCase(text) || status.zh().equals(text)) {
                return status;
            }
        }
        return "撤案".equals(text) ? CaseStatus.CLOSED : null;
    }
}
