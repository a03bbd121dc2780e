package io.purseguard.warning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.residents.IdNumber;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Crash and replay: the packaged application is started as a separate JVM on its own data directory
 * (demo city off, a bootstrap API token, a loopback port); an at-least-once client replays N fund clues
 * through {@code POST /api/v1/warnings} in batches, resending every batch it has no answer for, while
 * the harness {@code kill -9}s the application K times at random moments (a fixed seed) and starts it
 * again. Then it counts in the database itself: no warning lost, none twice, one task per warning, one
 * automatic stop-payment per warning with exactly one outbox message. Not a JUnit test (see
 * {@code CrashReplayReducedTest} for the small run in the build); the full run:
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.purseguard.warning.CrashReplayHarness \
 *     -Dexec.args="100000 20 --jar target/purseguard.jar"
 * </pre>
 *
 * Arguments: clues (default 100,000), kills (default 20), then optionally {@code --seed S} (default
 * 20261122), {@code --batch B} (clues a request, default 500), {@code --settle M} (minutes the
 * listeners may take after the last batch, default 30) and {@code --jar J} (the packaged application;
 * without it the application runs from this JVM's classpath, test classes left out).
 *
 * <p>Minimal jurisdiction: with the demo city off the unit tree is empty, and routing needs at least
 * the city (the manual queue). The harness writes the city and one district (329901) into
 * {@code jurisdiction.unit} itself before the first clue; every clue's ID number is of that district,
 * so each warning is routed to the district's queue by its region code, graded CRITICAL (¥60,000)
 * and, having a suspect account, stopped at once.
 */
public final class CrashReplayHarness {

    static final String TOKEN = "crash-replay-token";
    static final String DISTRICT = "329901";

    /** What a run found; {@link #holds()} when nothing was lost, doubled or done twice. */
    public record Figures(
            int clues,
            int kills,
            int batches,
            int resent,
            long acknowledged,
            long duplicatesAnswered,
            long warnings,
            long distinctClues,
            long lost,
            long mismatched,
            long tasks,
            long tasksTwice,
            long stopPayments,
            long stopPaymentsTwice,
            long outboxExecute,
            long outboxTwice,
            long incompletePublications,
            Duration replay,
            Duration settle) {

        Figures withTimes(Duration replay, Duration settle) {
            return new Figures(
                    clues,
                    kills,
                    batches,
                    resent,
                    acknowledged,
                    duplicatesAnswered,
                    warnings,
                    distinctClues,
                    lost,
                    mismatched,
                    tasks,
                    tasksTwice,
                    stopPayments,
                    stopPaymentsTwice,
                    outboxExecute,
                    outboxTwice,
                    incompletePublications,
                    replay,
                    settle);
        }

        public boolean holds() {
            return lost == 0
                    && warnings == clues
                    && distinctClues == clues
                    && mismatched == 0
                    && tasks == clues
                    && tasksTwice == 0
                    && stopPayments == clues
                    && stopPaymentsTwice == 0
                    && outboxExecute == clues
                    && outboxTwice == 0
                    && incompletePublications == 0;
        }

        @Override
        public String toString() {
            return """
                    crash and replay: %,d clues, %d kill -9, %,d batches sent (%,d resent after a crash)
                      answers: %,d clues acknowledged, %,d of them answered DUPLICATE (replays recognised)
                      warnings: %,d stored, %,d distinct clue ids, %,d lost, %,d answered with another warning's id
                      tasks: %,d opened, %,d warnings with more than one
                      automatic stop-payments: %,d, %,d warnings with more than one
                      outbox EXECUTE messages: %,d, %,d stop-payments with more than one
                      event publications left incomplete: %,d
                      replay %,d s, settling after the last batch %,d s: %s""".formatted(
                            clues,
                            kills,
                            batches,
                            resent,
                            acknowledged,
                            duplicatesAnswered,
                            warnings,
                            distinctClues,
                            lost,
                            mismatched,
                            tasks,
                            tasksTwice,
                            stopPayments,
                            stopPaymentsTwice,
                            outboxExecute,
                            outboxTwice,
                            incompletePublications,
                            replay.toSeconds(),
                            settle.toSeconds(),
                            holds() ? "HOLDS" : "BROKEN");
        }
    }

    public static void main(String[] args) throws Exception {
        var positional = new ArrayList<String>();
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        int clues = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100_000;
        int kills = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 20;
        long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
        var jar = options.containsKey("jar") ? Path.of(options.get("jar")) : null;
        var settle = Duration.ofMinutes(Long.parseLong(options.getOrDefault("settle", "30")));
        var figures = run(clues, kills, seed, batch, jar, settle);
        System.out.println(figures);
        if (!figures.holds()) {
            System.exit(1);
        }
    }

    /**
     * One whole run on a fresh data directory, deleted afterwards.
     *
     * @param jar the packaged application, or null to run it from this JVM's classpath
     * @param settleAtMost how long the listeners may take, after the last batch, to open every task and
     *     stop-payment (an event whose listener a crash interrupted is resubmitted after a minute)
     */
    public static Figures run(int clues, int kills, long seed, int batchSize, Path jar, Duration settleAtMost)
            throws Exception {
        var dir = Files.createTempDirectory("purseguard-crash-");
        var app = new App(dir, jar, freePort(), freePort());
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            app.start();
            seedJurisdiction(app);
            var random = new Random(seed);
            var prefix = "CR-" + Long.toHexString(seed) + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            var drafts = clues(prefix, clues, new Random(seed + 1));
            int batches = (clues + batchSize - 1) / batchSize;
            // the batches during which the application dies, each at a random moment after it was sent
            var killAt = new TreeSet<Integer>();
            while (killAt.size() < Math.min(kills, batches)) {
                killAt.add(random.nextInt(batches));
            }
            var client = new Client(app, batchSize);
            var started = Instant.now();
            for (int b = 0; b < batches; b++) {
                var items = drafts.subList(b * batchSize, Math.min(drafts.size(), (b + 1) * batchSize));
                if (killAt.contains(b)) {
                    long delay = random.nextInt(1_500);
                    scheduler.schedule(app::kill, delay, TimeUnit.MILLISECONDS);
                    System.out.printf("kill -9 during batch %d, %d ms after it is sent%n", b, delay);
                }
                client.send(items);
            }
            var replay = Duration.between(started, Instant.now());
            // a kill scheduled during the last batch may still be due: let it happen, and the restart
            scheduler.shutdown();
            scheduler.awaitTermination(5, TimeUnit.MINUTES);
            app.awaitUp();
            var settled = Instant.now();
            var figures = settle(app, client, prefix, clues, killAt.size(), batches, settleAtMost);
            return figures.withTimes(replay, Duration.between(settled, Instant.now()));
        } finally {
            // a timeout interrupts this thread: clear it while the application and its database stop, so
            // no PostgreSQL and no data directory are left behind, then set it again
            boolean interrupted = Thread.interrupted();
            scheduler.shutdownNow();
            app.stop();
            deleteTree(dir);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ the clues

    static List<ClueDraft> clues(String prefix, int n, Random random) {
        var now = Instant.now();
        var drafts = new ArrayList<ClueDraft>(n);
        for (int i = 0; i < n; i++) {
            var birth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
            var id = IdNumber.of(DISTRICT, birth, random.nextInt(999)).value();
            drafts.add(new ClueDraft(
                    "%s-%07d".formatted(prefix, i),
                    "NATIONAL",
                    "FUND",
                    now.minusSeconds(60).atOffset(ZoneOffset.ofHours(8)).toString(),
                    new ClueDraft.Person("受害人" + i, id, null, null, null),
                    new ClueDraft.Suspect(
                            new ClueDraft.Account("某银行", suspectAccount(random), "嫌疑人"), null, null, null),
                    "60000",
                    now.minusSeconds(1_800).atOffset(ZoneOffset.ofHours(8)).toString(),
                    "FAKE_INVESTMENT",
                    "高"));
        }
        return drafts;
    }

    /** A 19-digit UnionPay card number with its Luhn digit. */
    private static String suspectAccount(Random random) {
        var digits = new StringBuilder("622202");
        while (digits.length() < 18) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = digits.charAt(i) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    // ------------------------------------------------------------------ the at-least-once client

    /** Sends each batch until it has an answer; remembers which warning each clue was answered with. */
    static final class Client {

        private final App app;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final ObjectMapper json = new ObjectMapper();
        final Map<String, String> answered = new HashMap<>(); // clue id → warning id
        long mismatched;
        long duplicates;
        int sent;
        int resent;

        Client(App app, int batchSize) {
            this.app = app;
        }

        void send(List<ClueDraft> items) throws Exception {
            var body = json.writeValueAsString(Map.of("items", items));
            boolean first = true;
            while (true) {
                if (!first) {
                    resent++;
                    app.awaitUp();
                }
                first = false;
                sent++;
                HttpResponse<String> response;
                try {
                    response = http.send(
                            HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/warnings"))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    continue; // no answer: the batch may or may not have been taken in; send it again
                }
                if (response.statusCode() != 200) {
                    continue; // e.g. a 5xx while the node goes down: not an answer about the clues
                }
                record(json.readTree(response.body()).get("results"));
                return;
            }
        }

        private void record(JsonNode results) {
            for (var result : results) {
                var status = result.get("status").asText();
                if ("REJECTED".equals(status)) {
                    throw new IllegalStateException("a valid clue was refused: " + result);
                }
                if ("DUPLICATE".equals(status)) {
                    duplicates++;
                }
                var clueId = result.get("clueId").asText();
                var warningId = result.get("warningId").asText();
                var before = answered.putIfAbsent(clueId, warningId);
                if (before != null && !before.equals(warningId)) {
                    mismatched++;
                }
            }
        }
    }

    // ------------------------------------------------------------------ the application, as a process

    /** The application as a separate JVM on its own data directory; killed with SIGKILL, started again. */
    static final class App {

        private final Path dir;
        private final Path jar;
        private final int port;
        private final int databasePort;
        private volatile Process process;
        private int starts;

        App(Path dir, Path jar, int port, int databasePort) {
            this.dir = dir;
            this.jar = jar;
            this.port = port;
            this.databasePort = databasePort;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        Connection database() throws SQLException {
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "postgres");
        }

        synchronized void start() throws Exception {
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx768m");
            command.add("-XX:TieredStopAtLevel=1");
            if (jar != null) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-cp", applicationClasspath(), "io.purseguard.PurseguardApplication"));
            }
            command.addAll(List.of(
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--purseguard.demo.enabled=false",
                    "--purseguard.embedded-postgres.data-dir=" + dir.resolve("pgdata"),
                    "--purseguard.embedded-postgres.port=" + databasePort,
                    "--logging.file.name=" + dir.resolve("logs/purseguard.log")));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("app.out").toFile()));
            builder.environment().put("PURSEGUARD_SECURITY_BOOTSTRAP_TOKEN", TOKEN);
            process = builder.start();
            starts++;
            awaitUp();
        }

        /** SIGKILL, as {@code kill -9}: no shutdown hook runs; the database child is orphaned. */
        synchronized void kill() {
            var p = process;
            if (p == null || !p.isAlive()) {
                return;
            }
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
                // the next start finds the orphaned PostgreSQL and stops it (platform.StaleServer)
                start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the application again", e);
            }
        }

        /** Waits until the application answers its health check. */
        void awaitUp() {
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            var deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                var p = process;
                if (p != null && !p.isAlive() && p.exitValue() != 137 && p.exitValue() != 143) {
                    throw new IllegalStateException(
                            "the application exited with " + p.exitValue() + "; see " + dir.resolve("app.out"));
                }
                try {
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (ConnectException e) {
                    // not listening yet
                } catch (IOException e) {
                    // starting or stopping
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleepABit();
            }
            throw new IllegalStateException(
                    "the application did not come up in 3 minutes; see " + dir.resolve("app.out"));
        }

        /** A graceful stop (SIGTERM): the application stops its PostgreSQL. */
        synchronized void stop() {
            var p = process;
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // should the database have outlived it, stop it as the next start would
            var pid = dir.resolve("pgdata/postmaster.pid");
            try {
                if (Files.exists(pid)) {
                    var first = Files.readAllLines(pid).get(0).strip();
                    new ProcessBuilder("kill", "-INT", first).start().waitFor(10, TimeUnit.SECONDS);
                    ProcessHandle.of(Long.parseLong(first))
                            .ifPresent(h ->
                                    h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
                }
            } catch (Exception e) {
                System.err.println("could not stop the database of " + dir + ": " + e);
            }
        }

        int starts() {
            return starts;
        }
    }

    private static void sleepABit() {
        try {
            // a poll for a process coming up, not a wait standing in for a condition
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * This JVM's classpath without test classes: the application as {@code target/classes} and its
     * dependencies. Under Maven's exec plugin that is the context class loader's; under Surefire the
     * class path, whose one jar may name the rest in its manifest.
     */
    static String applicationClasspath() throws IOException {
        var entries = new ArrayList<String>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls) {
            for (var url : urls.getURLs()) {
                entries.add(Path.of(URI.create(url.toString())).toString());
            }
        } else {
            for (var entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                entries.add(entry);
                if (entry.endsWith(".jar") && Files.exists(Path.of(entry))) {
                    try (var jar = new JarFile(entry)) {
                        var manifest = jar.getManifest();
                        var more = manifest == null
                                ? null
                                : manifest.getMainAttributes().getValue("Class-Path");
                        if (more != null) {
                            for (var ref : more.trim().split("\\s+")) {
                                entries.add(Path.of(URI.create(ref)).toString());
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        // a relative Class-Path entry: not Surefire's booter, nothing to add
                    }
                }
            }
        }
        return entries.stream()
                .filter(e -> !e.contains("test-classes") && !e.contains("surefire"))
                .distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ the jurisdiction and the counts

    /** The least routing needs without the demo city: the city (its manual queue) and one district. */
    static void seedJurisdiction(App app) throws SQLException {
        try (var db = app.database();
                var statement = db.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO jurisdiction.unit (code, parent_code, kind, name, population, district_code)
                    VALUES ('329900', NULL, 'CITY', '澄川市', 0, NULL),
                           ('329901', '329900', 'DISTRICT', '东湖区', 0, '329901')
                    ON CONFLICT (code) DO NOTHING""");
        }
    }

    /** Waits for the listeners to be done, then counts. */
    private static Figures settle(
            App app, Client client, String prefix, int clues, int kills, int batches, Duration atMost)
            throws Exception {
        var deadline = Instant.now().plus(atMost);
        Figures figures;
        while (true) {
            figures = count(app, client, prefix, clues, kills, batches);
            if (figures.holds() || Instant.now().isAfter(deadline)) {
                return figures;
            }
            if (Instant.now().getEpochSecond() % 30 < 2) {
                System.out.printf(
                        "settling: %,d tasks, %,d stop-payments, %,d incomplete publications%n",
                        figures.tasks(), figures.stopPayments(), figures.incompletePublications());
            }
            TimeUnit.SECONDS.sleep(2); // polling the database for the listeners' work
        }
    }

    private static Figures count(App app, Client client, String prefix, int clues, int kills, int batches)
            throws SQLException {
        try (var db = app.database()) {
            var like = prefix + "-%";
            long warnings = single(db, "SELECT count(*) FROM warning.warning WHERE clue_id LIKE ?", like);
            long distinct =
                    single(db, "SELECT count(DISTINCT clue_id) FROM warning.warning WHERE clue_id LIKE ?", like);
            long tasks = single(
                    db,
                    "SELECT count(*) FROM dissuasion.task t JOIN warning.warning w ON w.id = t.warning_id"
                            + " WHERE w.clue_id LIKE ?",
                    like);
            long tasksTwice = single(
                    db,
                    "SELECT count(*) FROM (SELECT t.warning_id FROM dissuasion.task t JOIN warning.warning w"
                            + " ON w.id = t.warning_id WHERE w.clue_id LIKE ? GROUP BY t.warning_id"
                            + " HAVING count(*) > 1) x",
                    like);
            long stops = single(
                    db,
                    "SELECT count(*) FROM protection.measure m JOIN warning.warning w ON w.id = m.warning_id"
                            + " WHERE w.clue_id LIKE ? AND m.kind = 'STOP_PAYMENT' AND m.requested_by = 'system'",
                    like);
            long stopsTwice = single(
                    db,
                    "SELECT count(*) FROM (SELECT m.warning_id FROM protection.measure m JOIN warning.warning w"
                            + " ON w.id = m.warning_id WHERE w.clue_id LIKE ? AND m.kind = 'STOP_PAYMENT'"
                            + " GROUP BY m.warning_id HAVING count(*) > 1) x",
                    like);
            long outbox = single(
                    db,
                    "SELECT count(*) FROM protection.outbox o JOIN protection.measure m ON m.id = o.measure_id"
                            + " JOIN warning.warning w ON w.id = m.warning_id WHERE w.clue_id LIKE ?"
                            + " AND m.kind = 'STOP_PAYMENT' AND o.operation = 'EXECUTE'",
                    like);
            long outboxTwice = single(
                    db,
                    "SELECT count(*) FROM (SELECT o.measure_id FROM protection.outbox o JOIN protection.measure m"
                            + " ON m.id = o.measure_id JOIN warning.warning w ON w.id = m.warning_id"
                            + " WHERE w.clue_id LIKE ? AND o.operation = 'EXECUTE' GROUP BY o.measure_id"
                            + " HAVING count(*) > 1) x",
                    like);
            long incomplete = single(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", null);
            // every acknowledged clue is stored under the warning id it was answered with
            long mismatched = client.mismatched;
            var stored = new HashMap<String, String>();
            try (var statement = db.prepareStatement("SELECT clue_id, id FROM warning.warning WHERE clue_id LIKE ?")) {
                statement.setString(1, like);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            long lost = 0;
            for (int i = 0; i < clues; i++) {
                var clueId = "%s-%07d".formatted(prefix, i);
                var id = stored.get(clueId);
                if (id == null) {
                    lost++;
                } else if (client.answered.containsKey(clueId)
                        && !client.answered.get(clueId).equals(id)) {
                    mismatched++;
                }
            }
            return new Figures(
                    clues,
                    kills,
                    client.sent,
                    client.resent,
                    client.answered.size(),
                    client.duplicates,
                    warnings,
                    distinct,
                    lost,
                    mismatched,
                    tasks,
                    tasksTwice,
                    stops,
                    stopsTwice,
                    outbox,
                    outboxTwice,
                    incomplete,
                    Duration.ZERO,
                    Duration.ZERO);
        }
    }

    private static long single(Connection db, String sql, String parameter) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
