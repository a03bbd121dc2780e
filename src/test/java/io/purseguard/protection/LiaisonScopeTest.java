package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A bank liaison works their own bank's queue and sees nothing of another bank's. */
@PurseguardTest
class LiaisonScopeTest {

    static final Caller MOU_HANG = new Caller("liaison-mouhang", "某行联络员", Role.BANK_LIAISON, Scope.institution("某行"));
    static final Caller OTHER_BANK =
            new Caller("liaison-linghang", "另一行联络员", Role.BANK_LIAISON, Scope.institution("另一行"));

    @Autowired
    Measures measures;

    @Autowired
    JdbcClient jdbc;

    MeasureView stopPayment(String bank) {
        return measures.request(
                new MeasureRequest(
                        MeasureKind.STOP_PAYMENT,
                        bank,
                        "6216" + (100000000000000L + ThreadLocalRandom.current().nextLong(800000000000000L)),
                        "赵六",
                        new BigDecimal("1200.00"),
                        null,
                        "资金预警，先行止付",
                        null,
                        null,
                        "CASE-" + UUID.randomUUID(),
                        null,
                        new Placement("329901", "329901P01", null, null, null)),
                "scope-tester");
    }

    @Test
    void a_bank_liaison_sees_only_their_own_banks_requests() {
        var mine = stopPayment("某行");
        var theirs = stopPayment("另一行");

        var queue = measures.list(MOU_HANG, null, 500);
        assertThat(queue).extracting(MeasureView::measureId).contains(mine.measureId());
        assertThat(queue).extracting(MeasureView::measureId).doesNotContain(theirs.measureId());
        assertThat(queue).extracting(MeasureView::institution).containsOnly("某行");
        assertThat(queue).allSatisfy(m -> assertThat(m.target()).contains("*"));
        assertThat(measures.list(MOU_HANG, MeasureState.REQUESTED, 500))
                .extracting(MeasureView::measureId)
                .contains(mine.measureId());

        assertThat(measures.find(mine.measureId(), MOU_HANG)).isPresent();
        assertThat(measures.find(theirs.measureId(), MOU_HANG)).isEmpty();
        assertThat(measures.find(theirs.measureId(), OTHER_BANK)).isPresent();
        assertThat(measures.find(mine.measureId(), OTHER_BANK)).isEmpty();
        // a bank liaison without a bank, and a role that sees no people, see nothing
        var nobody = new Caller("liaison-none", "无行联络员", Role.BANK_LIAISON, Scope.none());
        assertThat(measures.list(nobody, null, 500)).isEmpty();
        assertThat(measures.find(mine.measureId(), nobody)).isEmpty();
    }

    @Test
    void a_bank_liaison_answers_their_own_banks_requests_only_and_is_audited() {
        var mine = stopPayment("某行");
        var theirs = stopPayment("另一行");

        assertThatThrownBy(() ->
                        measures.liaisonAnswer(theirs.measureId(), MOU_HANG, Measures.Answer.EXECUTED, null, null))
                .isInstanceOf(Measures.MeasureNotFound.class);
        assertThat(measures.find(theirs.measureId(), OTHER_BANK).orElseThrow().state())
                .isEqualTo(MeasureState.REQUESTED);

        var executed = measures.liaisonAnswer(mine.measureId(), MOU_HANG, Measures.Answer.EXECUTED, null, null);
        assertThat(executed.state()).isEqualTo(MeasureState.EXECUTED);
        assertThat(executed.history())
                .filteredOn(e -> e.action().equals("EXECUTED"))
                .extracting(MeasureView.Event::actor)
                .containsExactly("liaison-mouhang");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = :a AND action = 'MEASURE_EXECUTED'"
                                + " AND target_id = :id")
                        .param("a", "liaison-mouhang")
                        .param("id", mine.measureId().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThatThrownBy(() ->
                        measures.liaisonAnswer(mine.measureId(), MOU_HANG, Measures.Answer.REJECTED, "户名不符", null))
                .isInstanceOf(MeasureRefused.class)
                .hasMessageContaining("past that step");
    }
}
