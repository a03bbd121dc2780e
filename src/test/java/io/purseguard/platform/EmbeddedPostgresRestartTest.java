package io.purseguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database behaves like a database: durable settings, data kept across restarts
 * (no regeneration, no re-migration), and a start after a crash that left an orphan server or a
 * stale pid file.
 */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dir;

    record State(long residents, long migrations, Object generatedAt, String fsync, String synchronousCommit) {}

    @Test
    void a_second_start_reuses_the_data_and_a_crash_leftover_is_cleaned_up() throws Exception {
        var dataDir = dir.resolve("pgdata");

        var first = state(dataDir);
        assertThat(first.residents()).isPositive();
        assertThat(first.fsync()).isEqualTo("on");
        assertThat(first.synchronousCommit()).isEqualTo("on");

        assertThat(state(dataDir)).isEqualTo(first);

        // a kill -9 of the JVM leaves its PostgreSQL running on the data directory: play that orphan
        var orphan = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        assertThat(state(dataDir)).isEqualTo(first);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        orphan.close(); // nothing left to stop; releases the library's lock file

        // a machine crash leaves a pid file naming a process that is gone
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999\n" + dataDir + "\n");
        assertThat(state(dataDir)).isEqualTo(first);
    }

    private static State state(Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PurseguardApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--purseguard.embedded-postgres.ephemeral=false",
                        "--purseguard.embedded-postgres.data-dir=" + dataDir,
                        "--purseguard.demo.residents=2000")) {
            var jdbc = app.getBean(JdbcClient.class);
            return new State(
                    jdbc.sql("SELECT count(*) FROM residents.resident")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("SELECT count(*) FROM flyway_schema_history")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("SELECT generated_at FROM demo.generation").query().singleValue(),
                    jdbc.sql("SHOW fsync").query(String.class).single(),
                    jdbc.sql("SHOW synchronous_commit").query(String.class).single());
        }
    }
}
