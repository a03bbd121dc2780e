package io.purseguard.demo;

import io.purseguard.PurseguardApplication;
import io.purseguard.jurisdiction.JurisdictionLoader;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.ResidentRegistry;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long the demo city takes to generate and load, and what bulk loading buys: the real loaders
 * ({@code COPY FROM STDIN}) against a baseline of JDBC batched {@code INSERT}s of the same rows into
 * the same throw-away PostgreSQL, in the same run, so the ratio survives a noisy machine.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.demo.DemoCityBenchmark -Dexec.args="100000 2"
 * </pre>
 *
 * Arguments: residents (default 100,000) and rounds (default 2; the first includes JIT warm-up, as a
 * real first start does).
 */
public class DemoCityBenchmark {

    private static final int BATCH = 1_000;

    public static void main(String[] args) {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (var app = new SpringApplicationBuilder(PurseguardApplication.class)
                .run(
                        "--server.port=0",
                        "--purseguard.embedded-postgres.ephemeral=true",
                        "--purseguard.demo.enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.file.name=target/benchmark.log")) {
            var jurisdiction = app.getBean(JurisdictionLoader.class);
            var registry = app.getBean(ResidentRegistry.class);
            var jdbc = app.getBean(JdbcClient.class);
            var template = app.getBean(JdbcTemplate.class);
            var tx = app.getBean(TransactionTemplate.class);
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                var city = DemoCityGenerator.generate(20261122L, residents);
                long generateMs = ms(t0);

                truncate(jdbc);
                long t1 = System.nanoTime();
                tx.executeWithoutResult(s -> {
                    jurisdiction.load(city.units(), city.staff(), city.communityOfficers(), city.rotation());
                    registry.load(city.residents(), city.ties());
                });
                long copyMs = ms(t1);

                truncate(jdbc);
                tx.executeWithoutResult(
                        s -> jurisdiction.load(city.units(), city.staff(), city.communityOfficers(), city.rotation()));
                long t2 = System.nanoTime();
                tx.executeWithoutResult(s -> insertRowByRow(template, city.residents(), city.ties()));
                long insertMs = ms(t2);

                System.out.printf(
                        "round %d: %,d residents, %,d ties: generate %,d ms | load by COPY %,d ms (incl. units and staff)"
                                + " | baseline batched INSERT %,d ms (residents and ties only) | INSERT/COPY = %.1fx"
                                + " | generate+COPY %,d ms (budget 30,000)%n",
                        round,
                        city.residents().size(),
                        city.ties().size(),
                        generateMs,
                        copyMs,
                        insertMs,
                        (double) insertMs / copyMs,
                        generateMs + copyMs);
            }
        }
    }

    /** The baseline: what a plain JDBC loader would do, 1,000 rows a round trip, constraints checked per row. */
    private static void insertRowByRow(JdbcTemplate jdbc, List<NewResident> residents, List<Tie> ties) {
        var columns = Placement.columnsAfter(
                "id",
                "name",
                "id_number",
                "gender",
                "birth_date",
                "phone",
                "address",
                "home_village",
                "occupation",
                "employer",
                "tags");
        var sql = "INSERT INTO residents.resident (" + String.join(", ", columns) + ") VALUES ("
                + String.join(
                        ", ",
                        columns.stream()
                                .map(c -> c.equals("tags") ? "?::text[]" : "?")
                                .toList()) + ")";
        for (int from = 0; from < residents.size(); from += BATCH) {
            var batch = new ArrayList<Object[]>();
            for (var r : residents.subList(from, Math.min(from + BATCH, residents.size()))) {
                batch.add(r.placement()
                        .appendTo(
                                r.id(),
                                r.name(),
                                r.idNumber().value(),
                                r.idNumber().gender().name(),
                                Date.valueOf(r.idNumber().birthDate()),
                                r.phone(),
                                r.address(),
                                r.homeVillage(),
                                r.occupation(),
                                r.employer(),
                                "{" + String.join(",", r.tags()) + "}"));
            }
            jdbc.batchUpdate(sql, batch);
        }
        var both = ties.stream().flatMap(t -> Stream.of(t, t.inverse())).toList();
        for (int from = 0; from < both.size(); from += BATCH) {
            var batch = both.subList(from, Math.min(from + BATCH, both.size())).stream()
                    .map(t -> new Object[] {
                        t.residentId(), t.otherId(), t.relation().name()
                    })
                    .toList();
            jdbc.batchUpdate("INSERT INTO residents.tie (resident_id, other_id, relation) VALUES (?, ?, ?)", batch);
        }
    }

    private static void truncate(JdbcClient jdbc) {
        jdbc.sql("TRUNCATE residents.tie, residents.resident, jurisdiction.duty_rotation,"
                        + " jurisdiction.community_officer, jurisdiction.staff, jurisdiction.unit")
                .update();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
