package io.purseguard.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.Units;
import io.purseguard.warning.FraudType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases: the list and one case, limited in SQL to what the caller sees ({@link CaseScope}),
 * every personal identifier masked (in the narrative too); the full view only through
 * {@link #reveal}, to a role that may, with a reason, audited.
 */
@Service
@Transactional(readOnly = true)
public class CaseDirectory {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    CaseDirectory(JdbcClient jdbc, Units units, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Optional<CaseView> find(UUID id, Caller caller) {
        return visible(id, caller) ? Optional.of(view(id, false)) : Optional.empty();
    }

    /** The case number's case, if the caller sees it. */
    public Optional<CaseView> findByNumber(String caseNo, Caller caller) {
        return jdbc.sql("SELECT c.id FROM casework.fraud_case c WHERE c.case_no = :no AND " + CaseScope.visible(caller))
                .param("no", caseNo)
                .params(CaseScope.params(caller))
                .query(UUID.class)
                .optional()
                .map(id -> view(id, false));
    }

    /**
     * The case with every value whole, for a role that may reveal, with the reason; audited, and a
     * refusal is audited too.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseView reveal(UUID id, Caller caller, String reason) {
        requireVisible(id, caller);
        var why = CaseInputs.text(reason, "reason", io.purseguard.platform.Text.NOTE);
        if (!caller.mayReveal()) {
            audit.record(caller.name(), "CASE_REVEAL_DENIED", "case", id.toString(), why);
            throw new AccessDeniedException("role " + caller.role() + " may not reveal personal data");
        }
        if (why == null) {
            throw new CaseRefused("reason", "is required: say why the full values are needed");
        }
        audit.record(caller.name(), "CASE_REVEAL", "case", id.toString(), why);
        return view(id, true);
    }

    public CasePage list(CaseQuery query, Caller caller) {
        var where = new StringBuilder(CaseScope.visible(caller));
        var params = new HashMap<String, Object>(CaseScope.params(caller));
        if (query.type() != null) {
            where.append(" AND c.fraud_type = :type");
            params.put("type", query.type().name());
        }
        if (query.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.unit() != null && !query.unit().isBlank()) {
            where.append(" AND (c.unit_code = :unit OR c.station_code = :unit OR c.district_code = :unit"
                    + " OR c.unit_district_code = :unit)");
            params.put("unit", query.unit().strip());
        }
        if (query.from() != null) {
            where.append(" AND c.reported_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND c.reported_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.warningId() != null) {
            where.append(" AND c.warning_id = :warning");
            params.put("warning", query.warningId());
        }
        if (query.lossMin() != null) {
            where.append(" AND c.loss_amount >= :lossMin");
            params.put("lossMin", query.lossMin());
        }
        if (query.lossMax() != null) {
            where.append(" AND c.loss_amount < :lossMax");
            params.put("lossMax", query.lossMax());
        }
        var today = LocalDate.ofInstant(clock.instant(), CaseNumbers.LOCAL);
        if (query.ageMin() != null) {
            // at least ageMin years old: born on or before today minus ageMin years
            where.append(" AND c.victim_birth_date <= :bornBy");
            params.put("bornBy", java.sql.Date.valueOf(today.minusYears(query.ageMin())));
        }
        if (query.ageMax() != null) {
            where.append(" AND c.victim_birth_date > :bornAfter");
            params.put("bornAfter", java.sql.Date.valueOf(today.minusYears(query.ageMax() + 1L)));
        }
        long total = jdbc.sql("SELECT count(*) FROM casework.fraud_case c WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql(
                        "SELECT c.id, c.case_no, c.status, c.fraud_type, c.loss_amount, c.reported_at, c.unit_code,"
                                + " c.victim_birth_date, c.victim_gender, c.warning_id,"
                                + " (SELECT v.name FROM casework.victim v WHERE v.case_id = c.id ORDER BY v.seq LIMIT 1) AS victim"
                                + " FROM casework.fraud_case c WHERE " + where
                                + " ORDER BY c.reported_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, i) -> line(rs, today))
                .list();
        return new CasePage(items, query.page(), query.size(), total);
    }

    /** Every case the query selects, for the export: streamed to {@code sink} row by row, masked. */
    public void forEach(CaseQuery query, Caller caller, java.util.function.Consumer<CaseLine> sink) {
        int page = 0;
        while (true) {
            var slice = list(
                    new CaseQuery(
                            query.type(),
                            query.status(),
                            query.unit(),
                            query.from(),
                            query.to(),
                            query.warningId(),
                            query.lossMin(),
                            query.lossMax(),
                            query.ageMin(),
                            query.ageMax(),
                            page++,
                            CaseQuery.MAX_SIZE),
                    caller);
            slice.items().forEach(sink);
            if (slice.items().size() < CaseQuery.MAX_SIZE) {
                return;
            }
        }
    }

    boolean visible(UUID id, Caller caller) {
        if (!CaseScope.worksCases(caller)) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM casework.fraud_case c WHERE c.id = :id AND " + CaseScope.visible(caller))
                        .param("id", id)
                        .params(CaseScope.params(caller))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @throws CaseNotFound when the case is not there or not for the caller (404 either way) */
    void requireVisible(UUID id, Caller caller) {
        CaseScope.requireWorksCases(caller);
        if (!visible(id, caller)) {
            throw new CaseNotFound(id);
        }
    }

    /** The case, masked unless {@code whole}. */
    CaseView view(UUID id, boolean whole) {
        var victims = jdbc.sql("SELECT * FROM casework.victim WHERE case_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, i) -> victim(rs, whole))
                .list();
        var transfers = jdbc.sql("SELECT * FROM casework.transfer WHERE case_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, i) -> new CaseView.Transfer(
                        rs.getInt("seq"),
                        instant(rs.getTimestamp("at")),
                        rs.getBigDecimal("amount"),
                        maskAccount(rs.getString("victim_account"), whole),
                        maskAccount(rs.getString("receiving_account"), whole),
                        whole ? rs.getString("receiving_holder") : Masking.name(rs.getString("receiving_holder")),
                        rs.getString("receiving_bank"),
                        TransferChannel.valueOf(rs.getString("channel"))))
                .list();
        var identifiers = jdbc.sql("SELECT * FROM casework.identifier WHERE case_id = :id ORDER BY kind, normalized")
                .param("id", id)
                .query((rs, i) -> {
                    var kind = IdentifierKind.valueOf(rs.getString("kind"));
                    var key = rs.getString("normalized");
                    return new CaseView.Identifier(
                            kind,
                            whole ? key : Identifiers.mask(kind, key),
                            whole || !kind.personal() ? rs.getString("value") : Identifiers.mask(kind, key),
                            rs.getString("detail"));
                })
                .list();
        var history = jdbc.sql("SELECT * FROM casework.history WHERE case_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, i) -> new CaseView.HistoryLine(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("unit_code"),
                        rs.getString("note")))
                .list();
        return jdbc.sql("SELECT * FROM casework.fraud_case WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> {
                    var unit = rs.getString("unit_code");
                    var narrative = rs.getString("narrative");
                    return new CaseView(
                            id,
                            rs.getString("case_no"),
                            CaseStatus.valueOf(rs.getString("status")),
                            CaseOrigin.valueOf(rs.getString("origin")),
                            rs.getObject("warning_id", UUID.class),
                            rs.getObject("task_id", UUID.class),
                            FraudType.valueOf(rs.getString("fraud_type")),
                            rs.getString("fraud_subtype"),
                            suggested(rs),
                            whole ? narrative : maskNarrative(narrative, victims(id)),
                            rs.getBigDecimal("loss_amount"),
                            rs.getBigDecimal("loss_stated"),
                            rs.getTimestamp("reported_at").toInstant(),
                            instant(rs.getTimestamp("occurred_at")),
                            rs.getTimestamp("status_at").toInstant(),
                            rs.getString("not_filed_reason"),
                            unit,
                            units.names(List.of(unit)).get(unit),
                            rs.getString("officer_name"),
                            rs.getString("station_code"),
                            whole,
                            victims,
                            transfers,
                            identifiers,
                            history);
                })
                .optional()
                .orElseThrow(() -> new CaseNotFound(id));
    }

    /** The narrative with every personal identifier, and the victims' names, masked. */
    static String maskNarrative(String narrative, List<String> names) {
        if (narrative == null) {
            return null;
        }
        var found = IdentifierExtractor.extract(narrative);
        var out = new StringBuilder(narrative);
        var personal =
                new ArrayList<>(found.stream().filter(f -> f.kind().personal()).toList());
        // right to left, so earlier offsets stay valid; two finds on one span are masked once
        personal.sort(Comparator.comparingInt(FoundIdentifier::start).reversed());
        int lastStart = Integer.MAX_VALUE;
        for (var f : personal) {
            if (f.end() > lastStart) {
                continue;
            }
            out.replace(f.start(), f.end(), Identifiers.mask(f.kind(), f.normalized()));
            lastStart = f.start();
        }
        var text = out.toString();
        for (var name : names) {
            if (name != null && name.length() >= 2) {
                text = text.replace(name, Masking.name(name));
            }
        }
        return text;
    }

    private List<String> victims(UUID id) {
        return jdbc.sql("SELECT name FROM casework.victim WHERE case_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private CaseView.Suggested suggested(ResultSet rs) throws SQLException {
        var type = rs.getString("suggested_type");
        if (type == null) {
            return null;
        }
        try {
            var reasons = rs.getString("suggested_reasons");
            return new CaseView.Suggested(
                    FraudType.valueOf(type),
                    rs.getBigDecimal("suggested_confidence"),
                    reasons == null ? List.of() : json.readValue(reasons, REASONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are unreadable", e);
        }
    }

    private CaseView.Victim victim(ResultSet rs, boolean whole) throws SQLException {
        var birth = rs.getDate("birth_date");
        var birthDate = birth == null ? null : birth.toLocalDate();
        var name = rs.getString("name");
        var idNumber = rs.getString("id_number");
        var phone = rs.getString("phone");
        return new CaseView.Victim(
                rs.getInt("seq"),
                rs.getObject("resident_id", UUID.class),
                whole ? name : Masking.name(name),
                whole || idNumber == null ? idNumber : Masking.idNumber(idNumber),
                whole || phone == null ? phone : Identifiers.mask(IdentifierKind.PHONE, phone),
                whole ? birthDate : null,
                age(birthDate, LocalDate.ofInstant(clock.instant(), CaseNumbers.LOCAL)),
                rs.getString("gender"),
                rs.getString("occupation"),
                rs.getString("employer"));
    }

    private static CaseLine line(ResultSet rs, LocalDate today) throws SQLException {
        var birth = rs.getDate("victim_birth_date");
        return new CaseLine(
                rs.getObject("id", UUID.class),
                rs.getString("case_no"),
                CaseStatus.valueOf(rs.getString("status")),
                FraudType.valueOf(rs.getString("fraud_type")),
                rs.getBigDecimal("loss_amount"),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getString("unit_code"),
                Masking.name(rs.getString("victim")),
                age(birth == null ? null : birth.toLocalDate(), today),
                rs.getString("victim_gender"),
                rs.getObject("warning_id", UUID.class));
    }

    static Integer age(LocalDate birth, LocalDate today) {
        return birth == null ? null : Period.between(birth, today).getYears();
    }

    private static String maskAccount(String account, boolean whole) {
        if (account == null || whole) {
            return account;
        }
        return account.matches("\\d{8,}")
                ? Masking.bankAccount(account)
                : Identifiers.mask(IdentifierKind.ALIPAY, account);
    }

    private static CaseStatus status(String value) {
        return value == null ? null : CaseStatus.valueOf(value);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
