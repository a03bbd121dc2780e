package io.purseguard.warning.excel;

import java.util.List;
import java.util.Map;

/**
 * What an import did: how many rows were taken in, were replays, or were refused; each refused row
 * with its number as Excel shows it, the cells it had and every reason, by Chinese column.
 *
 * @param rows data rows read (the header and blank rows not counted)
 * @param columns the recognised columns the file had, in the template's order
 * @param rejectedRows the refused rows, up to {@link ClueImport#MAX_REJECTED_ROWS}
 * @param rejectedRowsOmitted refused rows beyond that, counted only
 * @param ignoredHeaders headers the import does not know (their cells were not read)
 */
public record ImportReport(
        long rows,
        long accepted,
        long duplicate,
        long rejected,
        List<ImportColumn> columns,
        List<RejectedRow> rejectedRows,
        long rejectedRowsOmitted,
        List<String> ignoredHeaders) {

    /** A refused row: its number, its cells by column, and why. */
    public record RejectedRow(int row, Map<ImportColumn, String> values, List<RowError> errors) {

        public boolean failed(ImportColumn column) {
            return errors.stream().anyMatch(e -> column.header().equals(e.column()));
        }
    }

    /**
     * One reason a row was refused.
     *
     * @param column the Chinese header of the column at fault (the field name when no column is)
     * @param field the intake contract's field, e.g. {@code person.idNumber}
     */
    public record RowError(int row, String column, String field, String message) {}

    /** Every reason, row by row. */
    public List<RowError> errors() {
        return rejectedRows.stream().flatMap(r -> r.errors().stream()).toList();
    }
}
