package io.purseguard.warning.excel;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file (RFC 4180: commas, double quotes, line breaks inside quotes) in UTF-8, with or without
 * a byte-order mark. A file in another encoding (GBK, as Excel's plain "CSV" saves on a Chinese
 * Windows) is refused rather than read as mojibake. Rows are numbered by record, as Excel numbers
 * them when it opens the file.
 */
final class CsvRows implements SheetRows {

    /** A cell longer than this is not a clue field; stop before one line eats the memory. */
    static final int MAX_CELL = 64 * 1024;

    @Override
    public void read(Path file, Handler handler) throws IOException, UnreadableSpreadsheet {
        long size = Files.size(file);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var counted = new Counting(Files.newInputStream(file));
                var in = new BufferedReader(new InputStreamReader(counted, decoder), 1 << 16)) {
            int first = in.read();
            if (first == -1) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.EMPTY);
            }
            var parser = new Parser(in, first == '\uFEFF' ? -2 : first);
            var cells = new ArrayList<String>();
            int number = 0;
            while (parser.record(cells)) {
                number++;
                handler.row(number, cells);
                if (number % 1000 == 0 && counted.count > 0) {
                    handler.expectRows(Math.max(number, Math.round((double) number * size / counted.count)));
                }
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NOT_UTF8);
        }
    }

    /** Reads one record at a time; {@code pending} is a character already read (-2: none). */
    private static final class Parser {

        private final BufferedReader in;
        private int pending;
        private final StringBuilder cell = new StringBuilder();

        Parser(BufferedReader in, int pending) {
            this.in = in;
            this.pending = pending;
        }

        private int next() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        /** The next record's cells, false at the end of the file. */
        boolean record(List<String> cells) throws IOException, UnreadableSpreadsheet {
            cells.clear();
            int c = next();
            if (c == -1) {
                return false;
            }
            pending = c;
            cell.setLength(0);
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                c = next();
                if (quoted) {
                    if (c == -1) {
                        break; // an unclosed quote: take what there is
                    }
                    if (c == '"') {
                        int after = next();
                        if (after == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            pending = after;
                        }
                    } else {
                        append(c);
                    }
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int after = next();
                        if (after != '\n') {
                            pending = after;
                        }
                    }
                    break;
                } else {
                    append(c);
                }
            }
            cells.add(cell.toString());
            return true;
        }

        private void append(int c) throws UnreadableSpreadsheet {
            if (cell.length() >= MAX_CELL) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NOT_A_SPREADSHEET);
            }
            cell.append((char) c);
        }
    }

    /** Bytes read so far, to estimate the rows still to come. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
