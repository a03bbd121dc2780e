package io.purseguard.demo;

/**
 * Times generating the full demo city in memory (no database): not a test, a harness to run by hand.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.purseguard.demo.DemoCityBenchmark [residents] [rounds]
 * </pre>
 *
 * The first round includes JIT warm-up, as a real first start does; later rounds show the steady state.
 */
public class DemoCityBenchmark {

    public static void main(String[] args) {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = 20261122L;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            var city = DemoCityGenerator.generate(seed, residents);
            long generated = System.nanoTime();
            String digest = city.digest();
            long digested = System.nanoTime();
            System.out.printf(
                    "round %d: %d residents, %d ties, %d staff, %d units: generate %d ms, digest %d ms (%s…)%n",
                    round,
                    city.residents().size(),
                    city.ties().size(),
                    city.staff().size(),
                    city.units().size(),
                    (generated - start) / 1_000_000,
                    (digested - generated) / 1_000_000,
                    digest.substring(0, 12));
        }
    }
}
