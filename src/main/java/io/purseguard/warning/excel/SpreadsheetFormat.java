package io.purseguard.warning.excel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/** What an upload is, judged by its first bytes (and, for text, its name): never by the name alone. */
public enum SpreadsheetFormat {
    XLSX,
    CSV;

    /**
     * An .xlsx is a zip (whatever it is called); an OLE2 file is an old .xls or an encrypted
     * workbook; a file with no known binary signature is CSV when it is named {@code .csv} or sent
     * as {@code text/csv}.
     *
     * @throws UnreadableSpreadsheet for anything else
     */
    public static SpreadsheetFormat detect(Path file, String fileName, String contentType)
            throws IOException, UnreadableSpreadsheet {
        if (Files.size(file) == 0) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NOT_A_SPREADSHEET);
        }
        FileMagic magic;
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return XLSX;
        }
        if (magic == FileMagic.OLE2) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.OLD_FORMAT);
        }
        var name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        var type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (magic == FileMagic.UNKNOWN && (name.endsWith(".csv") || type.startsWith("text/csv"))) {
            return CSV;
        }
        throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NOT_A_SPREADSHEET);
    }
}
