package io.purseguard.warning.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx, read with POI's event API: the sheet's XML streams through SAX and
 * only the row at hand is held. The shared-strings table is held (read-only), as the format needs.
 * The package is opened from the file, not a stream, so the zip is not copied into memory.
 */
final class XlsxRows implements SheetRows {

    /** Columns past this are ignored: the import has 20, a sheet with thousands is not a clue list. */
    static final int MAX_COLUMNS = 256;

    @Override
    public void read(Path file, Handler handler) throws IOException, UnreadableSpreadsheet {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | POIXMLException e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.DAMAGED);
        }
        try {
            var reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            var styles = reader.getStylesTable();
            boolean date1904 = date1904(reader.getWorkbookData());
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.EMPTY);
            }
            try (var sheet = sheets.next()) {
                var rows = new Rows(handler);
                var cells =
                        new XSSFSheetXMLHandler(styles, null, strings, rows, new CellText.Formatter(date1904), false);
                var xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new WithDimension(cells, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            throw stop.reason;
        } catch (SAXException e) {
            if (e.getCause() instanceof Stop stop) {
                throw stop.reason;
            }
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.DAMAGED);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | POIXMLException e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.DAMAGED);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        } finally {
            pkg.revert();
        }
    }

    /** Whether the workbook counts days from 1904 (old Mac Excel), which shifts every date cell. */
    private static boolean date1904(InputStream workbook)
            throws IOException, SAXException, ParserConfigurationException {
        var found = new boolean[1];
        try (workbook) {
            var xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        var value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** The handler's own refusal, carried through SAX. */
    private static final class Stop extends RuntimeException {
        final UnreadableSpreadsheet reason;

        Stop(UnreadableSpreadsheet reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** Cells into rows by their column letters (cells that are empty are simply not in the XML). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Handler handler;
        private final List<String> cells = new ArrayList<>();
        private int next;

        Rows(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            next = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : column(reference);
            next = column + 1;
            if (column >= MAX_COLUMNS || value == null) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, CellText.plain(value));
        }

        @Override
        public void endRow(int rowNum) {
            try {
                handler.row(rowNum + 1, cells);
            } catch (UnreadableSpreadsheet e) {
                throw new Stop(e);
            }
        }

        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Passes the sheet's XML on, noting its {@code <dimension ref="A1:S100001"/>} for the progress bar. */
    private static final class WithDimension extends DefaultHandler {

        private final XSSFSheetXMLHandler cells;
        private final Handler handler;

        WithDimension(XSSFSheetXMLHandler cells, Handler handler) {
            this.cells = cells;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("dimension".equals(localName)) {
                var ref = attributes.getValue("ref");
                var last =
                        ref == null ? "" : ref.substring(ref.indexOf(':') + 1).replaceAll("[^0-9]", "");
                if (!last.isEmpty() && last.length() < 10) {
                    handler.expectRows(Long.parseLong(last));
                }
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }
    }
}
