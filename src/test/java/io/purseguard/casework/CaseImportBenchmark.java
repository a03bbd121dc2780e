package io.purseguard.casework;

import io.purseguard.PurseguardApplication;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import java.nio.file.Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports {@code n} cases with narratives (default 10,000) from one .xlsx through {@link CaseImport}:
 * reading, checks, the narrative analysis of every row, numbers, {@code COPY} and the events; against
 * a baseline measured in the same run on the same file: streaming the sheet alone (what any import
 * must pay). Budget: 10,000 cases under 30 s. Run:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.casework.CaseImportBenchmark -Dexec.args="10000"</pre>
 */
public final class CaseImportBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (var app = new SpringApplicationBuilder(PurseguardApplication.class)
                .run(
                        "--server.port=0",
                        "--purseguard.embedded-postgres.ephemeral=true",
                        "--purseguard.demo.residents=20000",
                        "--purseguard.demo.feed.per-minute=0",
                        "--logging.level.root=WARN",
                        "--logging.file.name=target/case-import-benchmark.log")) {
            var jdbc = app.getBean(JdbcClient.class);
            var people = jdbc.sql(
                            "SELECT name, id_number, phone FROM residents.resident WHERE station_code = '329901P01' ORDER BY id")
                    .query(CaseSheets.Person.class)
                    .list();
            var file = Files.createTempFile("cases-bench", ".xlsx");
            long w0 = System.nanoTime();
            CaseSheets.write(file, n, "BENCH-", "329901P01", people, java.util.List.of());
            System.out.printf(
                    "wrote %d rows (%d KiB) in %.1f s%n", n, Files.size(file) / 1024, (System.nanoTime() - w0) / 1e9);
            var imports = app.getBean(CaseImport.class);
            var analyzer = app.getBean(NarrativeAnalyzer.class);
            analyzer.analyze("预热：对方让其下载「聚财宝」投资理财"); // the model is trained once, before timing
            var city = new Caller("bench", "市反诈中心", Role.CITY_CENTER, Scope.city());
            long r0 = System.nanoTime();
            long[] rows = {0};
            CaseSheet.read(file, row -> rows[0]++);
            double read = (System.nanoTime() - r0) / 1e9;
            long i0 = System.nanoTime();
            var report = imports.importFile(file, city, done -> {});
            double imported = (System.nanoTime() - i0) / 1e9;
            System.out.printf("baseline: streaming the sheet alone (%d rows): %.2f s%n", rows[0] - 1, read);
            System.out.printf(
                    "import: %d rows, %d imported, %d duplicate, %d rejected in %.2f s (%.0f cases/s); budget 30 s%n",
                    report.rows(),
                    report.imported(),
                    report.duplicate(),
                    report.rejected(),
                    imported,
                    report.imported() / imported);
            System.out.printf("ratio import/read: %.1f×%n", imported / read);
            Files.deleteIfExists(file);
        }
    }
}
