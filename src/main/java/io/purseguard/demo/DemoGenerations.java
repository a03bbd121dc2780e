package io.purseguard.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The marker that the demo city was generated ({@code demo.generation}, one row at most). */
@Repository
class DemoGenerations {

    /** What was generated, from which seed, and how long generating and loading took. */
    record Generation(long seed, int residents, String digest, Instant generatedAt, long millis) {}

    private final JdbcClient jdbc;

    DemoGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises generation between nodes that start together; held until the transaction ends. */
    void lock() {
        jdbc.sql("LOCK TABLE demo.generation IN SHARE ROW EXCLUSIVE MODE").update();
    }

    Optional<Generation> find() {
        return jdbc.sql("SELECT seed, residents, digest, generated_at, millis FROM demo.generation WHERE id = 1")
                .query((rs, i) -> new Generation(
                        rs.getLong("seed"),
                        rs.getInt("residents"),
                        rs.getString("digest"),
                        rs.getTimestamp("generated_at").toInstant(),
                        rs.getLong("millis")))
                .optional();
    }

    void record(Generation generation) {
        jdbc.sql("""
                        INSERT INTO demo.generation (id, seed, residents, digest, generated_at, millis)
                        VALUES (1, :seed, :residents, :digest, :generatedAt, :millis)
                        """)
                .param("seed", generation.seed())
                .param("residents", generation.residents())
                .param("digest", generation.digest())
                .param("generatedAt", Timestamp.from(generation.generatedAt()))
                .param("millis", generation.millis())
                .update();
    }
}
