package io.purseguard.protection;

import io.purseguard.identity.Caller;
import io.purseguard.warning.WarningAddendum;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A warning's API answer lists its measures ({@code protection}), targets masked. */
@Component
class ProtectionAddendum implements WarningAddendum {

    /** One measure as the warning shows it. */
    record Line(
            UUID measureId,
            MeasureKind kind,
            String target,
            String institution,
            BigDecimal amount,
            MeasureState state,
            Instant issuedAt,
            Instant expiresAt,
            int renewals,
            String documentNo) {}

    private final Measures measures;

    ProtectionAddendum(Measures measures) {
        this.measures = measures;
    }

    @Override
    public String property() {
        return "protection";
    }

    @Override
    public Object of(UUID warningId, Caller caller) {
        List<Line> lines = measures.ofWarning(warningId, caller).stream()
                .map(m -> new Line(
                        m.measureId(),
                        m.kind(),
                        m.target(),
                        m.institution(),
                        m.amount(),
                        m.state(),
                        m.issuedAt(),
                        m.expiresAt(),
                        m.renewals(),
                        m.documentNo()))
                .toList();
        return lines;
    }
}
