package io.purseguard.casework;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Streams the first sheet of an .xlsx row by row (POI's SAX event API: only the row at hand is in
 * memory), each row as its cells' text by column; a date cell reads as {@code yyyy-MM-dd HH:mm:ss}.
 */
final class CaseSheet {

    /** One row: its number as Excel shows it (header = 1) and its cells' text, by column index. */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() ? null : cells.get(column);
        }
    }

    /** The file is not a readable .xlsx. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    private CaseSheet() {}

    static void read(Path file, Consumer<Row> rows) throws IOException, Unreadable {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new Unreadable(e);
        }
        try {
            var reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (var sheet = sheets.next()) {
                var handler = new XSSFSheetXMLHandler(
                        reader.getStylesTable(),
                        null,
                        new ReadOnlySharedStringsTable(pkg, false),
                        new Collector(rows),
                        new IsoDates(),
                        false);
                var xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException e) {
            throw new Unreadable(e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        } finally {
            pkg.revert();
        }
    }

    /** Dates as ISO text, whatever the cell's display format; everything else as Excel shows it. */
    static final class IsoDates extends DataFormatter {

        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return ISO.format(DateUtil.getLocalDateTime(value, use1904));
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<Row> rows;
        private List<String> cells;

        Collector(Consumer<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.accept(new Row(rowNum + 1, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column > 64) {
                return;
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value == null || value.isBlank() ? null : value.strip());
        }
    }
}
