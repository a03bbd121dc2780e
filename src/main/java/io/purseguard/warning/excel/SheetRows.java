package io.purseguard.warning.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a sheet one row at a time, never holding more than the row at hand. */
interface SheetRows {

    /** Hands every row to the handler in order, with its number as Excel shows it (first row = 1). */
    void read(Path file, Handler handler) throws IOException, UnreadableSpreadsheet;

    interface Handler {

        /**
         * One row: its cells' text by column (A = 0), null or blank for empty cells; the list may be
         * shorter than the header when the trailing cells are empty.
         */
        void row(int number, List<String> cells) throws UnreadableSpreadsheet;

        /** How many rows the file seems to hold in all, when the reader can tell early; for progress. */
        default void expectRows(long rows) {}
    }

    static SheetRows of(SpreadsheetFormat format) {
        return switch (format) {
            case XLSX -> new XlsxRows();
            case CSV -> new CsvRows();
        };
    }
}
