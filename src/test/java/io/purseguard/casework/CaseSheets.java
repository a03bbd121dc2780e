package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Case sheets as the provincial system exports them, for the import tests and the benchmark. */
final class CaseSheets {

    static final List<String> HEADERS = java.util.Arrays.stream(CaseImport.Column.values())
            .map(CaseImport.Column::header)
            .toList();

    private CaseSheets() {}

    /** A person of the registry: name, ID number, phone. */
    record Person(String name, String idNumber, String phone) {}

    /** {@code n} good rows about the people (round), their narratives generated, then the extra rows as given. */
    static Path write(Path file, int n, String refPrefix, String unit, List<Person> people, List<List<String>> extra)
            throws IOException {
        var random = new Random(n);
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        var start = LocalDateTime.now().minusDays(300);
        var types = FraudType.values();
        try (var workbook = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("案件");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (int i = 0; i < n; i++) {
                var person = people.get(i % people.size());
                var type = types[random.nextInt(types.length)];
                var narrative = NarrativeGenerator.generate(
                        type,
                        new NarrativeGenerator.Person(person.name(), null, null, null, null),
                        random,
                        NarrativeGenerator.Split.ANY);
                var row = sheet.createRow(r++);
                String[] cells = {
                    refPrefix + String.format("%07d", i),
                    time.format(start.plusMinutes(i * 20L)),
                    unit,
                    person.name(),
                    person.idNumber(),
                    person.phone(),
                    "职员",
                    i % 3 == 0 ? null : KeywordRules.of(type).zh(),
                    narrative.loss().toPlainString(),
                    narrative.text(),
                    i % 4 == 0 ? "立案" : "受理",
                    narrative.receivingCard(),
                    "某某",
                    narrative.bank()
                };
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            for (var cells : extra) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }
}
