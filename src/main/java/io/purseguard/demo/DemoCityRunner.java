package io.purseguard.demo;

import io.purseguard.demo.DemoGenerations.Generation;
import io.purseguard.identity.UserAccounts;
import io.purseguard.jurisdiction.JurisdictionLoader;
import io.purseguard.residents.ResidentRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, generates and loads 澄川市 on the first start, and prints where to sign in on every
 * start. A runner rather than an event listener so that the city is there before the application
 * reports it has started.
 */
@Component
@ConditionalOnBooleanProperty("purseguard.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoCityRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCityRunner.class);

    private final DemoProperties properties;
    private final DemoGenerations generations;
    private final JurisdictionLoader jurisdiction;
    private final ResidentRegistry registry;
    private final UserAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Environment environment;
    private final DemoCaseHistory caseHistory;

    DemoCityRunner(
            DemoProperties properties,
            DemoGenerations generations,
            JurisdictionLoader jurisdiction,
            ResidentRegistry registry,
            UserAccounts accounts,
            TransactionTemplate transactions,
            Clock clock,
            Environment environment,
            DemoCaseHistory caseHistory) {
        this.properties = properties;
        this.generations = generations;
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
        this.environment = environment;
        this.caseHistory = caseHistory;
    }

    @Override
    public void run(ApplicationArguments args) {
        var generation = ensureCity();
        log.info(banner(generation));
    }

    /** The city's marker: the existing one, or a new one after generating and loading the city. */
    Generation ensureCity() {
        // one transaction: a crash mid-load leaves no half city behind, and the next start retries
        return transactions.execute(status -> {
            generations.lock();
            var existing = generations.find();
            if (existing.isPresent()) {
                var found = existing.get();
                if (found.seed() != properties.seed()) {
                    log.warn(
                            "Demo city was generated from seed {}, not the configured {}; keeping the existing data"
                                    + " (delete the data directory to regenerate)",
                            found.seed(),
                            properties.seed());
                }
                return found;
            }
            return generateAndLoad();
        });
    }

    private Generation generateAndLoad() {
        long start = System.nanoTime();
        var city = DemoCityGenerator.generate(properties.seed(), properties.residents());
        long generated = System.nanoTime();
        // the database does most of the loading work; meanwhile a second core computes the digest
        var digest = CompletableFuture.supplyAsync(city::digest, DemoCityRunner::digestThread);

        jurisdiction.load(city.units(), city.staff(), city.communityOfficers(), city.rotation());
        registry.load(city.residents(), city.ties());
        for (var account : DemoAccounts.ALL) {
            if (accounts.exists(account.username())) {
                log.warn("Demo account {} already exists; leaving it as it is", account.username());
                continue;
            }
            accounts.create(
                    account.username(),
                    account.password(),
                    account.displayName(),
                    account.role(),
                    account.scope(),
                    city.accountStaff().get(account.username()));
        }
        caseHistory.load(properties.seed(), city.residents());
        var generation = new Generation(
                properties.seed(),
                city.residents().size(),
                digest.join(),
                clock.instant(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        generations.record(generation);
        long loaded = System.nanoTime();
        log.info(
                "Demo city generated: {} residents, {} ties, {} staff in {} ms (generate {} ms, load {} ms)",
                city.residents().size(),
                city.ties().size(),
                city.staff().size(),
                TimeUnit.NANOSECONDS.toMillis(loaded - start),
                TimeUnit.NANOSECONDS.toMillis(generated - start),
                TimeUnit.NANOSECONDS.toMillis(loaded - generated));
        return generation;
    }

    private static void digestThread(Runnable work) {
        var thread = new Thread(work, "demo-city-digest");
        thread.setDaemon(true);
        thread.start();
    }

    private String banner(Generation generation) {
        // ApplicationRunners run after the web server started, so the actual (maybe random) port is known
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var text = new StringBuilder("\n")
                .append("=".repeat(72))
                .append("\n  钱袋子守护 Purseguard · 演示城市 ")
                .append(CityPlan.CITY_NAME)
                .append(" (demo city, seed ")
                .append(generation.seed())
                .append(", ")
                .append(generation.residents())
                .append(" residents)\n  Open http://localhost:")
                .append(port)
                .append("\n  Demo accounts · 演示账号 (password · 密码 ")
                .append(DemoAccounts.PASSWORD)
                .append("):\n");
        for (var account : DemoAccounts.ALL) {
            text.append(String.format(
                    "    %-9s %-16s %s · %s%n",
                    account.username(), account.role(), account.displayName(), account.description()));
        }
        return text.append("=".repeat(72)).toString();
    }
}
