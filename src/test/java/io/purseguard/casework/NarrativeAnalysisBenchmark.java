package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * How long reading a 1,000-character narrative takes: identifiers, amounts, loss and the type
 * suggestion, at p50 and p99 over {@code n} narratives (default 5,000) after a warm-up, against a
 * baseline measured in the same run on the same texts: one plain regex scan for runs of digits
 * (what the cheapest "find the numbers" would cost). Run:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.casework.NarrativeAnalysisBenchmark</pre>
 */
public final class NarrativeAnalysisBenchmark {

    private static final Pattern DIGITS = Pattern.compile("\\d{7,}");

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        var random = new Random(7);
        var texts = new ArrayList<String>();
        var types = FraudType.values();
        for (int i = 0; i < 500; i++) {
            var text = new StringBuilder();
            while (text.length() < 1_000) {
                text.append(NarrativeGenerator.generate(
                                types[random.nextInt(types.length)], null, random, NarrativeGenerator.Split.ANY)
                        .text());
            }
            texts.add(text.substring(0, 1_000));
        }
        long start = System.nanoTime();
        var classifier = FraudTypeClassifier.train(TrainingCorpus.load().train());
        System.out.printf("trained in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        // warm-up: both paths until the JIT has compiled them
        for (int i = 0; i < 3_000; i++) {
            NarrativeAnalyzer.analyze(classifier, texts.get(i % texts.size()));
            baseline(texts.get(i % texts.size()));
        }
        var analysis = new long[n];
        var analysisCpu = new long[n];
        var scan = new long[n];
        var scanCpu = new long[n];
        var cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < n; i++) {
            var text = texts.get(i % texts.size());
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += NarrativeAnalyzer.analyze(classifier, text).identifiers().size();
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            sink += baseline(text);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            analysis[i] = t1 - t0;
            analysisCpu[i] = c1 - c0;
            scan[i] = t2 - t1;
            scanCpu[i] = c2 - c1;
        }
        System.out.printf(
                "%d narratives of 1,000 characters (sink %d); load average %.1f on %d cores%n",
                n,
                sink,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        report("analysis, wall clock", analysis);
        report("analysis, this thread's CPU time", analysisCpu);
        report("baseline (regex scan for digit runs), wall", scan);
        report("baseline, this thread's CPU time", scanCpu);
        System.out.printf(
                "p50 ratio analysis/baseline: %.1f×; p99 (CPU) ratio %.1f×; budget 20 ms at p99%n",
                percentile(analysis, 50) / percentile(scan, 50), percentile(analysisCpu, 99) / percentile(scanCpu, 99));
    }

    private static int baseline(String text) {
        var m = DIGITS.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static void report(String name, long[] nanos) {
        System.out.printf(
                "%-45s p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                name, percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static double percentile(long[] values, int p) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private NarrativeAnalysisBenchmark() {}
}
