package io.purseguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

        // kill -9 a JVM that runs PostgreSQL on the data directory: its server lives on as an orphan
        long orphanPid = orphanServerOn(dataDir);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        assertThat(state(dataDir)).isEqualTo(first);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));

        // a machine crash leaves a pid file naming a process that is gone
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999\n" + dataDir + "\n");
        assertThat(state(dataDir)).isEqualTo(first);
    }

    /** Starts PostgreSQL on {@code dataDir} from another JVM, kills that JVM, returns the server's pid. */
    private static long orphanServerOn(Path dataDir) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var jvm = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Orphan.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the library's start-up chatter
            }
            assertThat(line).as("the orphan's JVM started PostgreSQL").isNotNull();
        }
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The JVM that gets killed: starts the server and waits to die. */
    public static final class Orphan {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres.builder()
                    .setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            System.out.println("READY");
            System.out.flush();
            new CountDownLatch(1).await(2, TimeUnit.MINUTES);
        }
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
