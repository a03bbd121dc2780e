package io.purseguard.protection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The protection tests' one extra application context: the bank channel goes to {@link BankReceiver}
 * (not the simulator), and {@value #CSV_BANK} exchanges CSV files in a temporary folder. Every
 * subclass shares this one context (and its database), since they share these properties.
 */
abstract class BankReceiverContext {

    static final String CSV_BANK = "测试农商银行";
    static final Path EXCHANGE;

    static {
        try {
            EXCHANGE = Files.createTempDirectory("purseguard-exchange");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final BankReceiver RECEIVER = BankReceiver.INSTANCE;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("purseguard.protection.bank.url", RECEIVER::url);
        registry.add("purseguard.protection.bank.secret", () -> BankReceiver.SECRET);
        registry.add("purseguard.protection.csv.institutions", () -> CSV_BANK);
        registry.add("purseguard.protection.csv.directory", EXCHANGE::toString);
    }
}
