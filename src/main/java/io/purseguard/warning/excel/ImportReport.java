package io.purseguard.warning.excel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.purseguard.warning.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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
     * @param message the reason in English, as the API answers it
     * @param code the reason's key in the message bundles ({@code clue.error.…}, see {@link FieldError.Code})
     * @param args the arguments of the bundles' message (not part of the API's answer)
     */
    public record RowError(
            int row,
            String column,
            String field,
            String message,
            String code,
            @JsonIgnore List<Object> args) {

        public RowError {
            args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
        }

        RowError(int row, String column, String field, FieldError error) {
            this(row, column, field, error.message(), error.code(), error.args());
        }

        /** The reason as the bundles say it; the English message stands in for a code they lack. */
        public MessageSourceResolvable resolvable() {
            return new DefaultMessageSourceResolvable(new String[] {code}, args.toArray(), message);
        }

        /** This error with its message in {@code locale} (the page's, the workbook reader's). */
        public RowError in(MessageSource messages, Locale locale) {
            return new RowError(row, column, field, messages.getMessage(resolvable(), locale), code, args);
        }
    }

    /** Every reason, row by row; the messages in English ({@link RowError#in} for another language). */
    public List<RowError> errors() {
        return rejectedRows.stream().flatMap(r -> r.errors().stream()).toList();
    }
}
