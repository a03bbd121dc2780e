package io.purseguard.warning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardApplication;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pushes synthetic clues through the real intake path (validation, de-duplication, triage, routing,
 * persistence, events) and, in the same run on the same database, a baseline: a plain JDBC batch
 * insert of the same rows into one table without indexes or checks. The two take turns batch by
 * batch, so the machine's drift falls on both alike. Then times the downstream catch-up and
 * 1,000-item REST batches end to end.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.warning.WarningIntakeBenchmark -Dexec.args="100000"
 * </pre>
 *
 * Prints {@code intake_per_s}, {@code baseline_per_s}, {@code ratio} and the p50/p99 latency of a
 * 1,000-item REST batch. Targets on 2 cores: ≥ 5,000 clues/s and a ratio ≥ 0.3.
 */
public class WarningIntakeBenchmark {

    static final int BATCH = WarningIntake.MAX_BATCH;
    static final int WARM_UP_ROUND = 10_000;
    static final int WARM_UP_ROUNDS = 12;

    static final String[] KINDS = {"FUND", "CALL", "CALL", "SMS", "SMS", "URL", "APP", "CASH_WITHDRAWAL"};
    static final String[] TYPES = {
        "REBATE_ORDERS", "FAKE_INVESTMENT", "FAKE_SHOPPING", "FAKE_CUSTOMER_SERVICE", "ROMANCE"
    };

    public static void main(String[] args) throws Exception {
        int clues = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int residents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        // the SMS gateway, the banks and the carriers are outside Purseguard: a loopback sink stands in
        // for them, so their work is not counted against ours (the in-app simulators would be)
        var sink = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        var outside = "http://127.0.0.1:" + sink.getAddress().getPort();
        // the listeners downstream of intake (dissuasion, protection) run on this executor; it holds them
        // while intake is measured, then lets them catch up, which is timed on its own
        var downstream = new GatedExecutor();
        try (var app = new SpringApplicationBuilder(PurseguardApplication.class)
                .initializers(context -> {
                    // under both names Boot gives its own executor, so @Async listeners find it
                    context.getBeanFactory().registerSingleton("applicationTaskExecutor", downstream);
                    context.getBeanFactory().registerAlias("applicationTaskExecutor", "taskExecutor");
                })
                .run(
                        "--server.port=0",
                        "--purseguard.notification.sms.url=" + outside + "/sms",
                        "--purseguard.protection.bank.url=" + outside + "/bank",
                        "--purseguard.protection.carrier.url=" + outside + "/carrier",
                        "--purseguard.demo.feed.per-minute=0",
                        "--purseguard.embedded-postgres.ephemeral=true",
                        "--purseguard.demo.residents=" + residents,
                        "--purseguard.security.bootstrap-token=bench-token",
                        "--logging.level.root=WARN",
                        "--logging.file.name=target/benchmark.log")) {
            var jdbc = app.getBean(JdbcClient.class);
            var template = app.getBean(JdbcTemplate.class);
            var intake = app.getBean(WarningIntake.class);
            var now = app.getBean(Clock.class).instant();
            var people = jdbc.sql("SELECT id_number, phone, address FROM residents.resident ORDER BY id")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            var drafts = synthetic(clues, people, now, new SplittableRandom(42), "B");

            template.execute(
                    "CREATE TABLE public.bench_baseline (clue_id text, source text, kind text, pushed_at timestamptz,"
                            + " person_name text, person_id_number text, person_phone text, person_address text,"
                            + " suspect_phone text, suspect_url text, amount numeric,"
                            + " transacted_at timestamptz, fraud_type text)");
            // the listeners downstream are held from here on: their work is timed on its own, after intake
            awaitQuiet(jdbc);
            downstream.close();
            int warmUpRounds = warmUp(intake, template, people, now);

            // intake and baseline take turns, batch by batch: the machine's load drifts (other work, the
            // database's own vacuuming), and turn-taking puts both under the same drift
            long intakeNanos = 0;
            long baselineNanos = 0;
            var compiler = ManagementFactory.getCompilationMXBean();
            long compiledBefore = compiler.getTotalCompilationTime();
            long loopStart = System.nanoTime();
            for (var batch : batches(drafts)) {
                long t0 = System.nanoTime();
                intake.take(batch, IntakeDoor.REST);
                long t1 = System.nanoTime();
                baseline(template, batch);
                intakeNanos += t1 - t0;
                baselineNanos += System.nanoTime() - t1;
            }
            long loopMillis = (System.nanoTime() - loopStart) / 1_000_000;
            long jitMillis = compiler.getTotalCompilationTime() - compiledBefore;
            double intakeSeconds = intakeNanos / 1e9;
            double baselineSeconds = baselineNanos / 1e9;
            template.execute("DROP TABLE public.bench_baseline");
            downstream.open();
            long t2 = System.nanoTime();
            // downstream: the dissuasion tasks (with teams, clocks and notices) of every warning held back,
            // the warm-up's included
            long expected = count(jdbc, "warning.warning");
            long caughtUp = expected - count(jdbc, "dissuasion.task");
            awaitTasks(jdbc, expected);
            double tasksSeconds = (System.nanoTime() - t2) / 1e9;

            var latencies = restLatencies(
                    app.getEnvironment().getProperty("local.server.port"),
                    people,
                    now,
                    app.getBean(ObjectMapper.class));

            // the REST batches' tasks, texts and bank requests too, so nothing is still working when the
            // application closes
            awaitTasks(jdbc, count(jdbc, "warning.warning"));
            awaitQuiet(jdbc);

            double intakePerS = clues / intakeSeconds;
            double baselinePerS = clues / baselineSeconds;
            System.out.printf("clues=%d residents=%d warm_up_rounds=%d%n", clues, residents, warmUpRounds);
            System.out.printf("jit_busy_while_measured_ms=%d of %d%n", jitMillis, loopMillis);
            System.out.printf("intake_per_s=%.0f%n", intakePerS);
            System.out.printf("baseline_per_s=%.0f%n", baselinePerS);
            System.out.printf("ratio=%.2f%n", intakePerS / baselinePerS);
            System.out.printf(
                    "downstream_catch_up_s=%.1f (tasks with teams, clocks, notices and measures: %.0f/s)%n",
                    tasksSeconds, caughtUp / tasksSeconds);
            System.out.printf("rest_batch_1000_p50_ms=%d%n", latencies[latencies.length / 2]);
            System.out.printf("rest_batch_1000_p99_ms=%d%n", latencies[(int) Math.ceil(latencies.length * 0.99) - 1]);
            System.out.printf("warnings=%d%n", count(jdbc, "warning.warning"));
        } finally {
            sink.stop(0);
            // registered by hand, so Spring does not shut it down with the context
            downstream.shutdown();
        }
    }

    /** The same clue fields as plain rows, by a JDBC batch into a table without indexes or checks. */
    private static void baseline(JdbcTemplate template, List<ClueDraft> batch) {
        template.batchUpdate(
                "INSERT INTO public.bench_baseline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?, ?)",
                batch.stream().map(WarningIntakeBenchmark::row).toList());
    }

    /**
     * Warms both up, JIT and caches, in rounds of {@value #WARM_UP_ROUND} clues until the JIT compilers
     * were busy for less than a tenth of a round (at most {@value #WARM_UP_ROUNDS} rounds). On two cores
     * the compiler threads are otherwise still working through the start-up's backlog while intake is
     * measured, and they take the core that the database and the application would share.
     */
    private static int warmUp(WarningIntake intake, JdbcTemplate template, List<String[]> people, Instant now) {
        var compiler = ManagementFactory.getCompilationMXBean();
        int round = 0;
        long compilingMillis;
        long wallMillis;
        do {
            long compiledBefore = compiler.getTotalCompilationTime();
            long t0 = System.nanoTime();
            var drafts = synthetic(WARM_UP_ROUND, people, now, new SplittableRandom(7 + round), "W" + round);
            for (var batch : batches(drafts)) {
                intake.take(batch, IntakeDoor.REST);
                baseline(template, batch);
            }
            wallMillis = (System.nanoTime() - t0) / 1_000_000;
            compilingMillis = compiler.getTotalCompilationTime() - compiledBefore;
            round++;
            awaitCompilerIdle(compiler);
        } while (compilingMillis * 10 > wallMillis && round < WARM_UP_ROUNDS);
        template.execute("TRUNCATE public.bench_baseline");
        System.out.printf(
                "warm-up: %d rounds, JIT busy %d ms of the last round's %d ms%n", round, compilingMillis, wallMillis);
        return round;
    }

    /**
     * Until the JIT compilers have been idle for half a second (at most half a minute): what the round
     * queued for compiling is compiled while nothing else wants the cores, not during the next round.
     */
    private static void awaitCompilerIdle(CompilationMXBean compiler) {
        var last = new long[] {compiler.getTotalCompilationTime()};
        var idlePolls = new int[1];
        try {
            org.awaitility.Awaitility.await("JIT compilers idle")
                    .atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> {
                        long compiled = compiler.getTotalCompilationTime();
                        idlePolls[0] = compiled == last[0] ? idlePolls[0] + 1 : 0;
                        last[0] = compiled;
                        return idlePolls[0] >= 5;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillCompiling) {
            // the next round goes ahead; how busy the compilers were is what ends the warm-up
        }
    }

    /** Until every event has been handled and every text and bank request delivered. */
    private static void awaitQuiet(JdbcClient jdbc) {
        org.awaitility.Awaitility.await("downstream work done")
                .atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> jdbc.sql("""
                                SELECT (SELECT count(*) FROM public.event_publication WHERE completion_date IS NULL)
                                     + (SELECT count(*) FROM notification.notice WHERE sms_status IN ('PENDING', 'SENDING'))
                                     + (SELECT count(*) FROM protection.outbox WHERE state = 'PENDING')
                                """).query(Long.class).single() == 0);
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void awaitTasks(JdbcClient jdbc, long warnings) {
        org.awaitility.Awaitility.await("tasks of all " + warnings + " warnings")
                .atMost(java.time.Duration.ofMinutes(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> count(jdbc, "dissuasion.task") >= warnings);
    }

    /**
     * The application's task executor (two threads, as configured), with a gate: closed, it queues
     * what it is given; opened, it runs the queue and everything after.
     */
    static final class GatedExecutor extends org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor {

        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final java.util.concurrent.locks.Condition opened = lock.newCondition();
        private boolean closed;

        GatedExecutor() {
            setCorePoolSize(2);
            setThreadNamePrefix("downstream-");
            initialize();
        }

        void close() {
            lock.lock();
            try {
                closed = true;
            } finally {
                lock.unlock();
            }
        }

        void open() {
            lock.lock();
            try {
                closed = false;
                opened.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void execute(Runnable task) {
            super.execute(() -> {
                lock.lock();
                try {
                    while (closed) {
                        opened.awaitUninterruptibly();
                    }
                } finally {
                    lock.unlock();
                }
                task.run();
            });
        }

        @Override
        public java.util.concurrent.Future<?> submit(Runnable task) {
            var future = new java.util.concurrent.FutureTask<Object>(task, null);
            execute(future);
            return future;
        }

        @Override
        public <T> java.util.concurrent.Future<T> submit(java.util.concurrent.Callable<T> task) {
            var future = new java.util.concurrent.FutureTask<T>(task);
            execute(future);
            return future;
        }
    }

    static List<ClueDraft> synthetic(
            int n, List<String[]> people, Instant now, SplittableRandom random, String prefix) {
        var drafts = new ArrayList<ClueDraft>(n);
        for (int i = 0; i < n; i++) {
            var person = people.get(random.nextInt(people.size()));
            var kind = KINDS[random.nextInt(KINDS.length)];
            boolean fund = kind.equals("FUND");
            // one in five: the registry does not know them; routing falls back to the address
            boolean stranger = random.nextInt(5) == 0;
            drafts.add(new ClueDraft(
                    prefix + "-" + i + "-" + random.nextLong(),
                    "NATIONAL",
                    kind,
                    at(now.minusSeconds(30 + random.nextInt(600))),
                    new ClueDraft.Person(
                            "群众" + i, stranger ? null : person[0], stranger ? null : person[1], person[2], null),
                    new ClueDraft.Suspect(null, "+85251234567", fund ? null : "http://fraud.example/" + i, null),
                    fund ? Integer.toString(100 + random.nextInt(90_000)) : null,
                    fund ? at(now.minusSeconds(random.nextInt(172_800))) : null,
                    TYPES[random.nextInt(TYPES.length)],
                    null));
        }
        return drafts;
    }

    private static long[] restLatencies(String port, List<String[]> people, Instant now, ObjectMapper json)
            throws Exception {
        var http = HttpClient.newHttpClient();
        int rounds = 30;
        var latencies = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            var body = json.writeValueAsString(
                    Map.of("items", synthetic(BATCH, people, now, new SplittableRandom(1000 + r), "R" + r)));
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/warnings"))
                    .header("Authorization", "Bearer bench-token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long t = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[r] = (System.nanoTime() - t) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("REST batch failed: " + response.statusCode() + " " + response.body());
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static Object[] row(ClueDraft d) {
        return new Object[] {
            d.clueId(),
            d.source(),
            d.kind(),
            Timestamp.from(Instant.parse(d.pushedAt().replace("+08:00", "Z")).minusSeconds(8 * 3600)),
            d.person().name(),
            d.person().idNumber(),
            d.person().phone(),
            d.person().address(),
            d.suspect().phone(),
            d.suspect().url(),
            d.amount(),
            d.transactedAt() == null
                    ? null
                    : Timestamp.from(Instant.parse(d.transactedAt().replace("+08:00", "Z"))
                            .minusSeconds(8 * 3600)),
            d.fraudTypeHint()
        };
    }

    private static List<List<ClueDraft>> batches(List<ClueDraft> all) {
        var batches = new ArrayList<List<ClueDraft>>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(from + BATCH, all.size())));
        }
        return batches;
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
