package io.purseguard.casework;

import io.purseguard.platform.Text;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A transfer as typed, checked field by field; and its row. */
final class CaseTransfers {

    private CaseTransfers() {}

    static NewCase.Transfer check(CaseInput.TransferInput input, int seq, String field, String by) {
        if (input == null) {
            throw new CaseRefused(field, "is required");
        }
        var amount = CaseInputs.money(input.amount(), field + ".amount", true);
        if (amount == null) {
            throw new CaseRefused(field + ".amount", "is required");
        }
        var channel = input.channel() == null ? TransferChannel.BANK : input.channel();
        var receiving = CaseInputs.text(input.receivingAccount(), field + ".receivingAccount", Text.SHORT);
        if (receiving != null && channel == TransferChannel.BANK) {
            var digits = receiving.replaceAll("[\\s-]", "");
            if (!digits.matches("\\d{8,30}")) {
                throw new CaseRefused(field + ".receivingAccount", "must be an account number of 8 to 30 digits");
            }
            receiving = digits;
        }
        return new NewCase.Transfer(
                seq,
                input.at(),
                amount,
                CaseInputs.text(input.victimAccount(), field + ".victimAccount", Text.SHORT),
                receiving,
                CaseInputs.text(input.receivingHolder(), field + ".receivingHolder", Text.NAME),
                CaseInputs.text(input.receivingBank(), field + ".receivingBank", Text.SHORT),
                channel,
                by);
    }

    static void insert(JdbcClient jdbc, UUID caseId, NewCase.Transfer t) {
        jdbc.sql("""
                        INSERT INTO casework.transfer (case_id, seq, at, amount, victim_account, receiving_account,
                            receiving_holder, receiving_bank, channel, created_by)
                        VALUES (:id, :seq, :at, :amount, :victim, :receiving, :holder, :bank, :channel, :by)
                        """)
                .param("id", caseId)
                .param("seq", t.seq())
                .param("at", t.at() == null ? null : Timestamp.from(t.at()), java.sql.Types.TIMESTAMP)
                .param("amount", t.amount())
                .param("victim", t.victimAccount(), java.sql.Types.VARCHAR)
                .param("receiving", t.receivingAccount(), java.sql.Types.VARCHAR)
                .param("holder", t.receivingHolder(), java.sql.Types.VARCHAR)
                .param("bank", t.receivingBank(), java.sql.Types.VARCHAR)
                .param("channel", t.channel().name())
                .param("by", t.createdBy())
                .update();
    }
}
