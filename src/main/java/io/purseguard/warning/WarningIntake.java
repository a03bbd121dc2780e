package io.purseguard.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.residents.IdNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every door takes: validate, de-duplicate by the upstream clue id, triage, route,
 * persist with its first history line and {@link WarningReceived}, in one transaction per batch.
 * Good items of a batch are taken in even when others are refused.
 */
@Service
public class WarningIntake {

    /** The most items one call takes; larger feeds are split by the caller. */
    public static final int MAX_BATCH = 1_000;

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final ClueValidation validation;
    private final WarningRouter router;
    private final RuleSets ruleSets;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    WarningIntake(
            ClueValidation validation,
            WarningRouter router,
            RuleSets ruleSets,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock) {
        this.validation = validation;
        this.router = router;
        this.ruleSets = ruleSets;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Takes in up to {@value #MAX_BATCH} clues and answers one result per clue, in order.
     *
     * @throws IllegalArgumentException for a batch larger than {@value #MAX_BATCH}
     */
    public List<IntakeResult> take(List<ClueDraft> drafts, IntakeDoor door) {
        if (drafts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " clues per batch, got " + drafts.size());
        }
        var results = new IntakeResult[drafts.size()];
        var valid = new ArrayList<Indexed>();
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            var checked = draft == null
                    ? new ClueValidation.Result(null, List.of(new FieldError("items[" + i + "]", "is empty")))
                    : validation.validate(draft);
            if (checked.valid()) {
                valid.add(new Indexed(i, checked.clue()));
            } else {
                results[i] = IntakeResult.rejected(draft == null ? null : draft.clueId(), checked.errors());
            }
        }
        if (!valid.isEmpty()) {
            // the same order in every batch, so two batches sharing clue ids wait for each other
            // instead of deadlocking
            valid.sort(Comparator.comparing(v -> v.clue().clueId()));
            transactions.executeWithoutResult(status -> {
                var rules = ruleSets.current();
                var now = clock.instant();
                for (var item : valid) {
                    results[item.index()] = takeOne(item.clue(), door, rules, now);
                }
            });
        }
        return Arrays.asList(results);
    }

    private IntakeResult takeOne(Clue clue, IntakeDoor door, RuleSets.RuleSet rules, Instant now) {
        var existing = existing(clue.clueId());
        if (existing != null) {
            return IntakeResult.duplicate(clue.clueId(), existing);
        }
        var route = router.route(clue);
        var facts = new TriageFacts(clue, age(clue), earlierWarnings(clue, rules.parameters(), now), now);
        var grade = Triage.grade(facts, rules.parameters(), rules.version());
        var id = UUID.randomUUID();
        int inserted = insert(id, clue, door, route, grade, now);
        if (inserted == 0) {
            // the same clue committed by a concurrent batch after our first look
            return IntakeResult.duplicate(clue.clueId(), existing(clue.clueId()));
        }
        WarningHistory.append(
                jdbc,
                id,
                now,
                door.name().toLowerCase(java.util.Locale.ROOT),
                "RECEIVED",
                null,
                route.unitCode(),
                route.method() + ": " + route.note());
        events.publishEvent(new WarningReceived(
                id,
                clue.clueId(),
                clue.kind(),
                grade.level(),
                route.unitCode(),
                route.placement().station(),
                route.residentId(),
                now));
        return IntakeResult.accepted(clue.clueId(), id);
    }

    private UUID existing(String clueId) {
        return jdbc.sql("SELECT id FROM warning.warning WHERE clue_id = :c")
                .param("c", clueId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private Integer age(Clue clue) {
        var id = clue.person().idNumber();
        if (id == null) {
            return null;
        }
        LocalDate birth = new IdNumber(id).birthDate();
        return Period.between(birth, LocalDate.ofInstant(clock.instant(), LOCAL))
                .getYears();
    }

    private int earlierWarnings(Clue clue, TriageParameters parameters, Instant now) {
        var person = clue.person();
        return jdbc.sql("""
                        SELECT count(*) FROM warning.warning
                        WHERE received_at >= :since
                          AND ((CAST(:id AS text) IS NOT NULL AND person_id_number = :id)
                            OR (CAST(:phone AS text) IS NOT NULL AND person_phone = :phone))
                        """)
                .param("since", Timestamp.from(now.minus(Duration.ofDays(parameters.repeatWindowDays()))))
                .param("id", person.idNumber())
                .param("phone", person.phone())
                .query(Integer.class)
                .single();
    }

    private int insert(UUID id, Clue clue, IntakeDoor door, Route route, Triage.Grade grade, Instant now) {
        var p = clue.person();
        var s = clue.suspect();
        var placement = route.placement();
        return jdbc.sql("""
                        INSERT INTO warning.warning (id, clue_id, source, kind, door, pushed_at, received_at,
                          person_name, person_id_number, person_phone, person_address, person_bank, person_account,
                          suspect_bank, suspect_account, suspect_holder, suspect_phone, suspect_url, suspect_app,
                          amount, transacted_at, fraud_type, upstream_level, level, level_reasons, rule_set_version,
                          resident_id, route_method, route_note, status, unit_code, updated_at,
                          district_code, station_code, township_code, community_code, grid_code)
                        VALUES (:id, :clueId, :source, :kind, :door, :pushedAt, :now,
                          :name, :idNumber, :phone, :address, :bank, :account,
                          :suspectBank, :suspectAccount, :suspectHolder, :suspectPhone, :url, :app,
                          :amount, :transactedAt, :fraudType, :upstreamLevel, :level, :reasons::jsonb, :version,
                          :residentId, :method, :note, 'RECEIVED', :unit, :now,
                          :district, :station, :township, :community, :grid)
                        ON CONFLICT ON CONSTRAINT warning_clue_id_key DO NOTHING
                        """)
                .param("id", id)
                .param("clueId", clue.clueId())
                .param("source", clue.source().name())
                .param("kind", clue.kind().name())
                .param("door", door.name())
                .param("pushedAt", Timestamp.from(clue.pushedAt()))
                .param("now", Timestamp.from(now))
                .param("name", p.name())
                .param("idNumber", p.idNumber())
                .param("phone", p.phone())
                .param("address", p.address())
                .param("bank", p.account() == null ? null : p.account().bank())
                .param("account", p.account() == null ? null : p.account().number())
                .param("suspectBank", s.account() == null ? null : s.account().bank())
                .param(
                        "suspectAccount",
                        s.account() == null ? null : s.account().number())
                .param("suspectHolder", s.account() == null ? null : s.account().holder())
                .param("suspectPhone", s.phone())
                .param("url", s.url())
                .param("app", s.app())
                .param("amount", clue.amount())
                .param("transactedAt", clue.transactedAt() == null ? null : Timestamp.from(clue.transactedAt()))
                .param(
                        "fraudType",
                        clue.fraudType() == null ? null : clue.fraudType().name())
                .param("upstreamLevel", clue.upstreamLevel())
                .param("level", grade.level().name())
                .param("reasons", write(grade.reasons()))
                .param("version", grade.ruleSetVersion())
                .param("residentId", route.residentId())
                .param("method", route.method().name())
                .param("note", route.note())
                .param("unit", route.unitCode())
                .param("district", placement.district())
                .param("station", placement.station())
                .param("township", placement.township())
                .param("community", placement.community())
                .param("grid", placement.grid())
                .update();
    }

    private String write(List<LevelReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Indexed(int index, Clue clue) {}
}
