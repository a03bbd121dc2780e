package io.purseguard.warning.excel;

import io.purseguard.identity.Caller;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.FieldError;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningIntake;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Excel/CSV door: reads a sheet row by row, turns each row into a {@link ClueDraft} and feeds the
 * one intake path ({@link WarningIntake}) a thousand at a time. Good rows are taken in whatever the
 * bad ones do; each refused row is reported by its Excel row number and Chinese column.
 */
@Service
public class ClueImport {

    /** Refused rows kept in full for the report; more are only counted (a sheet that bad is the wrong sheet). */
    public static final int MAX_REJECTED_ROWS = 10_000;

    /** Rows above the header (a title, a date line) passed over while looking for it. */
    static final int MAX_TITLE_ROWS = 5;

    private static final Logger log = LoggerFactory.getLogger(ClueImport.class);

    private final WarningIntake intake;

    ClueImport(WarningIntake intake) {
        this.intake = intake;
    }

    /**
     * Imports every row of the file's first sheet. Rows already taken in stay taken in if a later
     * chunk fails.
     *
     * @throws UnreadableSpreadsheet when the file as a whole cannot be read or lacks a needed column;
     *     no row has been taken in then
     */
    public ImportReport run(Path file, SpreadsheetFormat format, ImportProgress progress)
            throws IOException, UnreadableSpreadsheet {
        return run(file, format, progress, null);
    }

    /** As {@link #run(Path, SpreadsheetFormat, ImportProgress)}, taken in (and audited) as {@code caller}'s. */
    public ImportReport run(Path file, SpreadsheetFormat format, ImportProgress progress, Caller caller)
            throws IOException, UnreadableSpreadsheet {
        var run = new Run(progress, caller);
        SheetRows.of(format).read(file, run);
        var report = run.finish();
        log.info(
                "Imported {} rows from {}: {} accepted, {} duplicate, {} rejected",
                report.rows(),
                format,
                report.accepted(),
                report.duplicate(),
                report.rejected());
        return report;
    }

    /** A row read and waiting for its chunk to go through the intake. */
    private record Pending(
            int row, Map<ImportColumn, String> values, ClueDraft draft, Map<String, FieldError> unreadable) {}

    private final class Run implements SheetRows.Handler {

        private final ImportProgress progress;
        private final Caller caller;
        private final Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        private final List<String> ignored = new ArrayList<>();
        private final List<Pending> chunk = new ArrayList<>(WarningIntake.MAX_BATCH);
        private final List<ImportReport.RejectedRow> rejectedRows = new ArrayList<>();
        private boolean headerSeen;
        private int titleRows;
        private List<String> firstRow;
        private long rows;
        private long accepted;
        private long duplicate;
        private long rejected;
        private long omitted;

        Run(ImportProgress progress, Caller caller) {
            this.progress = progress;
            this.caller = caller;
        }

        @Override
        public void expectRows(long total) {
            progress.expect(total - 1);
        }

        @Override
        public void row(int number, List<String> cells) throws UnreadableSpreadsheet {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (!headerSeen) {
                // a title row or two above the header ("××市预警线索汇总表") is common: the header is the
                // first row naming at least three known columns, looked for in the first few rows
                if (recognised(cells) >= 3 || ++titleRows > MAX_TITLE_ROWS) {
                    header(firstRow != null && recognised(cells) < 3 ? firstRow : cells);
                    headerSeen = true;
                } else if (firstRow == null) {
                    firstRow = List.copyOf(cells);
                }
                return;
            }
            var values = new EnumMap<ImportColumn, String>(ImportColumn.class);
            positions.forEach((column, index) -> {
                var text = index < cells.size() ? cells.get(index) : null;
                if (text != null && !text.isBlank()) {
                    values.put(column, text.strip());
                }
            });
            if (ImportTemplate.EXAMPLE_CLUE_ID.equals(values.get(ImportColumn.CLUE_ID))) {
                return; // the template's example row, left in
            }
            rows++;
            progress.read();
            var unreadable = new HashMap<String, FieldError>();
            chunk.add(new Pending(number, values, draft(values, unreadable), unreadable));
            if (chunk.size() == WarningIntake.MAX_BATCH) {
                flush();
            }
        }

        private static int recognised(List<String> cells) {
            return (int) cells.stream()
                    .map(ImportColumn::byHeader)
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .count();
        }

        private void header(List<String> cells) throws UnreadableSpreadsheet {
            for (int i = 0; i < cells.size(); i++) {
                var text = cells.get(i);
                if (text == null || text.isBlank()) {
                    continue;
                }
                var column = ImportColumn.byHeader(text);
                if (column.isEmpty()) {
                    ignored.add(text.strip());
                } else if (positions.putIfAbsent(column.get(), i) != null) {
                    throw new UnreadableSpreadsheet(
                            UnreadableSpreadsheet.Problem.REPEATED_COLUMN,
                            column.get().header());
                }
            }
            var missing = ImportColumn.TEMPLATE.stream()
                    .filter(ImportColumn.REQUIRED::contains)
                    .filter(c -> !positions.containsKey(c))
                    .map(ImportColumn::header)
                    .toList();
            if (!missing.isEmpty()) {
                throw new UnreadableSpreadsheet(
                        UnreadableSpreadsheet.Problem.MISSING_COLUMNS, String.join("、", missing));
            }
            if (!positions.containsKey(ImportColumn.ID_NUMBER) && !positions.containsKey(ImportColumn.PHONE)) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NO_PERSON_COLUMN);
            }
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            var results = intake.take(chunk.stream().map(Pending::draft).toList(), IntakeDoor.EXCEL, caller);
            long acceptedNow = 0;
            long duplicateNow = 0;
            long rejectedNow = 0;
            for (int i = 0; i < results.size(); i++) {
                var result = results.get(i);
                switch (result.status()) {
                    case ACCEPTED -> acceptedNow++;
                    case DUPLICATE -> duplicateNow++;
                    case REJECTED -> {
                        rejectedNow++;
                        refused(chunk.get(i), result);
                    }
                }
            }
            accepted += acceptedNow;
            duplicate += duplicateNow;
            rejected += rejectedNow;
            progress.taken(acceptedNow, duplicateNow, rejectedNow);
            chunk.clear();
        }

        private void refused(Pending pending, IntakeResult result) {
            if (rejectedRows.size() >= MAX_REJECTED_ROWS) {
                omitted++;
                return;
            }
            var errors = result.errors().stream()
                    .map(e -> {
                        var column = ImportColumn.forField(e.field());
                        return new Ranked(
                                column.map(Enum::ordinal).orElse(Integer.MAX_VALUE),
                                new ImportReport.RowError(
                                        pending.row(),
                                        column.map(ImportColumn::header).orElse(e.field()),
                                        e.field(),
                                        pending.unreadable().getOrDefault(e.field(), e)));
                    })
                    .sorted(Comparator.comparingInt(Ranked::rank))
                    .map(Ranked::error)
                    .toList();
            rejectedRows.add(new ImportReport.RejectedRow(pending.row(), pending.values(), errors));
        }

        ImportReport finish() throws UnreadableSpreadsheet {
            if (!headerSeen) {
                if (firstRow != null) {
                    header(firstRow); // says which columns are missing
                }
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.EMPTY);
            }
            if (rows == 0) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NO_ROWS);
            }
            flush();
            return new ImportReport(
                    rows,
                    accepted,
                    duplicate,
                    rejected,
                    ImportColumn.TEMPLATE.stream()
                            .filter(positions::containsKey)
                            .toList(),
                    List.copyOf(rejectedRows),
                    omitted,
                    List.copyOf(ignored));
        }
    }

    private record Ranked(int rank, ImportReport.RowError error) {}

    /** A row as the intake contract's draft: Chinese labels as codes, times as ISO-8601. */
    static ClueDraft draft(Map<ImportColumn, String> values, Map<String, FieldError> unreadable) {
        return new ClueDraft(
                values.get(ImportColumn.CLUE_ID),
                ClueVocabulary.source(values.get(ImportColumn.SOURCE)),
                ClueVocabulary.kind(values.get(ImportColumn.KIND)),
                time(ImportColumn.PUSHED_AT, values, unreadable),
                new ClueDraft.Person(
                        values.get(ImportColumn.NAME),
                        values.get(ImportColumn.ID_NUMBER),
                        values.get(ImportColumn.PHONE),
                        values.get(ImportColumn.ADDRESS),
                        account(values.get(ImportColumn.PERSON_BANK), values.get(ImportColumn.PERSON_ACCOUNT), null)),
                new ClueDraft.Suspect(
                        account(
                                values.get(ImportColumn.SUSPECT_BANK),
                                values.get(ImportColumn.SUSPECT_ACCOUNT),
                                values.get(ImportColumn.SUSPECT_HOLDER)),
                        values.get(ImportColumn.SUSPECT_PHONE),
                        values.get(ImportColumn.URL),
                        values.get(ImportColumn.APP)),
                values.containsKey(ImportColumn.AMOUNT) ? CellText.amount(values.get(ImportColumn.AMOUNT)) : null,
                time(ImportColumn.TRANSACTED_AT, values, unreadable),
                ClueVocabulary.fraudType(values.get(ImportColumn.FRAUD_TYPE)),
                values.get(ImportColumn.UPSTREAM_LEVEL));
    }

    private static String time(
            ImportColumn column, Map<ImportColumn, String> values, Map<String, FieldError> unreadable) {
        var text = values.get(column);
        if (text == null) {
            return null;
        }
        var iso = CellText.isoTime(text);
        if (iso.isEmpty()) {
            // handed on as it is, so the intake refuses it; the report says it in the sheet's terms
            unreadable.put(column.field(), FieldError.of(column.field(), FieldError.Code.SHEET_TIME, text));
            return text;
        }
        return iso.get();
    }

    private static ClueDraft.Account account(String bank, String number, String holder) {
        if (bank == null && number == null && holder == null) {
            return null;
        }
        return new ClueDraft.Account(bank, number, holder);
    }
}
