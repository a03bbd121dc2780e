package io.purseguard.protection;

import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Measures the protection tests request by hand, as a station would. */
public final class TestMeasures {

    private TestMeasures() {}

    /**
     * A stop-payment of {@code amount} yuan at 澄川银行, on an account no other test uses, the money moved
     * an hour ago; for a case of its own and placed nowhere.
     */
    public static MeasureView stopPayment(
            Measures measures, Clock clock, String holder, String amount, String requestedBy) {
        var account = "6228" + (100000000000000L + ThreadLocalRandom.current().nextLong(800000000000000L));
        return measures.request(
                new MeasureRequest(
                        MeasureKind.STOP_PAYMENT,
                        "澄川银行",
                        account,
                        holder,
                        new BigDecimal(amount),
                        clock.instant().minus(Duration.ofHours(1)),
                        "资金预警，先行止付",
                        null,
                        null,
                        "CASE-" + UUID.randomUUID(),
                        null,
                        Placement.NONE),
                requestedBy);
    }
}
