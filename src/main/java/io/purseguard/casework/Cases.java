package io.purseguard.casework;

import io.purseguard.dissuasion.VictimisationReported;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Text;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.residents.ResidentLocator;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a case and working its facts: a walk-in report or an API call becomes a case in one
 * transaction (number, victims, identifiers from the narrative unless given, transfers, loss, the
 * first history line, the audit entry, {@link CaseOpened} and {@link VictimisationReported} so the
 * post-warning watch can flag 预后被骗); then transfers are added, the type corrected (each
 * correction kept as a labelled example for the classifier) and the case moved between units.
 */
@Service
public class Cases {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CaseNumbers numbers;
    private final CaseDirectory directory;
    private final NarrativeAnalyzer analyzer;
    private final Units units;
    private final ResidentDirectory residents;
    private final ResidentLocator locator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(
            JdbcClient jdbc,
            CaseStore store,
            CaseNumbers numbers,
            CaseDirectory directory,
            NarrativeAnalyzer analyzer,
            Units units,
            ResidentDirectory residents,
            ResidentLocator locator,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.numbers = numbers;
        this.directory = directory;
        this.analyzer = analyzer;
        this.units = units;
        this.residents = residents;
        this.locator = locator;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a case from what a station, the counter or an API client wrote. */
    @Transactional
    public CaseView open(CaseInput input, Caller caller) {
        CaseScope.requireWorksCases(caller);
        if (input == null) {
            throw new CaseRefused("body", "is required");
        }
        var narrative = CaseInputs.required(input.narrative(), "narrative", Text.NARRATIVE);
        var draft = draft(input, narrative, caller, null, null);
        store.insert(draft);
        // the officer chose another type than the one suggested: a correction, learnt from like any other
        if (input.fraudType() != null
                && draft.suggested() != null
                && draft.suggested().code() != input.fraudType()) {
            example(
                    draft.id(),
                    narrative,
                    input.fraudType(),
                    draft.suggested().code().name(),
                    caller.name(),
                    draft.createdAt());
        }
        announce(draft, caller.name(), null);
        return directory.view(draft.id(), false);
    }

    /**
     * Resolves a case from its input: the unit and placement, the victims linked to the registry, the
     * analysis's type, identifiers and loss where the input gives none. Checks every field.
     */
    NewCase draft(CaseInput input, String narrative, Caller caller, UUID taskId, String actorOverride) {
        var now = clock.instant();
        var analysis = narrative == null ? null : analyzer.analyze(narrative);
        var victims = victims(input.victims(), caller);
        var unit = acceptingUnit(input.unit(), caller, victims);
        var placement = victims.stream()
                .map(ResolvedVictim::placement)
                .filter(p -> p != null)
                .findFirst()
                .orElse(unit.placement());
        var identifiers = input.identifiers() != null
                ? CaseInputs.identifiers(input.identifiers())
                : analysis == null ? new ArrayList<NewCase.Identifier>() : CaseInputs.found(analysis.identifiers());
        var transfers = new ArrayList<NewCase.Transfer>();
        var by = actorOverride != null ? actorOverride : caller.name();
        var given = input.transfers() == null ? List.<CaseInput.TransferInput>of() : input.transfers();
        for (int i = 0; i < given.size(); i++) {
            transfers.add(CaseTransfers.check(given.get(i), i + 1, "transfers[" + i + "]", by));
        }
        addReceivingAccounts(identifiers, transfers);
        var stated = CaseInputs.money(input.lossAmount(), "lossAmount", false);
        if (stated == null && analysis != null) {
            stated = analysis.lossAmount();
        }
        var loss = transfers.isEmpty()
                ? stated
                : transfers.stream().map(NewCase.Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var suggested = analysis == null ? null : analysis.fraudType();
        var type =
                input.fraudType() != null ? input.fraudType() : suggested != null ? suggested.code() : FraudType.OTHER;
        var origin = input.origin() == null ? CaseOrigin.API : input.origin();
        var id = TimeOrderedIds.next();
        var caseNo = numbers.next(unit.code(), now);
        var first = victims.get(0);
        return new NewCase(
                id,
                caseNo,
                CaseStatus.REPORTED,
                origin,
                CaseInputs.text(input.upstreamRef(), "upstreamRef", Text.SHORT),
                input.warningId(),
                taskId,
                type,
                CaseInputs.text(input.fraudSubtype(), "fraudSubtype", Text.SHORT),
                suggested,
                narrative,
                stated,
                loss,
                now,
                input.occurredAt(),
                now,
                unit.code(),
                unit.placement().district(),
                null,
                first.birthDate(),
                first.gender(),
                now,
                by,
                placement,
                victims.stream().map(ResolvedVictim::row).toList(),
                identifiers,
                transfers,
                List.of(new NewCase.History(
                        1, now, by, "REPORTED", null, CaseStatus.REPORTED, unit.code(), origin.name())));
    }

    /**
     * Stands for "no task to exclude" in {@link VictimisationReported}: dissuasion's watch query cannot
     * bind a null there (PostgreSQL cannot type {@code :exclude IS NULL}), and no task has the nil id.
     */
    static final UUID NO_TASK = new UUID(0, 0);

    /** What an opened case tells the rest of the system, after the rows are written. */
    void announce(NewCase c, String actor, UUID excludeTaskId) {
        audit.record(actor, "CASE_OPENED", "case", c.id().toString(), c.caseNo() + " " + c.fraudType());
        events.publishEvent(new CaseOpened(
                c.id(),
                c.caseNo(),
                c.fraudType(),
                c.lossAmount(),
                c.origin(),
                c.warningId(),
                c.placement().station(),
                c.placement().district(),
                c.createdAt()));
        for (var v : c.victims()) {
            if (v.residentId() != null || v.idNumber() != null || v.phone() != null) {
                events.publishEvent(new VictimisationReported(
                        v.residentId(),
                        v.idNumber(),
                        v.phone(),
                        c.createdAt(),
                        "CASE",
                        c.caseNo(),
                        excludeTaskId == null ? NO_TASK : excludeTaskId));
            }
        }
    }

    /** Adds a transfer; the loss becomes the sum of the transfers, and the receiving account an identifier. */
    @Transactional
    public CaseView addTransfer(UUID caseId, Caller caller, CaseInput.TransferInput input) {
        directory.requireVisible(caseId, caller);
        lock(caseId);
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM casework.transfer WHERE case_id = :id")
                .param("id", caseId)
                .query(Integer.class)
                .single();
        var transfer = CaseTransfers.check(input, seq, "transfer", caller.name());
        CaseTransfers.insert(jdbc, caseId, transfer);
        jdbc.sql("""
                        UPDATE casework.fraud_case SET updated_at = :now,
                            loss_amount = (SELECT sum(amount) FROM casework.transfer WHERE case_id = :id)
                        WHERE id = :id
                        """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", caseId)
                .update();
        var receiving = new ArrayList<NewCase.Identifier>();
        addReceivingAccounts(receiving, List.of(transfer));
        store.addIdentifiers(caseId, receiving);
        store.history(
                caseId,
                clock.instant(),
                caller.name(),
                "TRANSFER",
                null,
                null,
                null,
                "¥" + transfer.amount().toPlainString());
        return directory.view(caseId, false);
    }

    /**
     * 更正类型: the officer's type replaces the current one, and the narrative with its corrected type is
     * kept as a labelled example the classifier learns from (retrained in the background).
     */
    @Transactional
    public CaseView correctType(UUID caseId, Caller caller, FraudType type, String subtype) {
        directory.requireVisible(caseId, caller);
        if (type == null) {
            throw new CaseRefused("code", "is required: one of " + java.util.Arrays.toString(FraudType.values()));
        }
        var sub = CaseInputs.text(subtype, "subtype", Text.SHORT);
        var before = lock(caseId);
        var now = clock.instant();
        jdbc.sql(
                        "UPDATE casework.fraud_case SET fraud_type = :type, fraud_subtype = :sub, updated_at = :now WHERE id = :id")
                .param("type", type.name())
                .param("sub", sub, java.sql.Types.VARCHAR)
                .param("now", java.sql.Timestamp.from(now))
                .param("id", caseId)
                .update();
        if (before.narrative() != null) {
            example(caseId, before.narrative(), type, before.suggested(), caller.name(), now);
        }
        store.history(caseId, now, caller.name(), "FRAUD_TYPE", null, null, null, before.fraudType() + " → " + type);
        audit.record(
                caller.name(), "CASE_TYPE_CORRECTED", "case", caseId.toString(), before.fraudType() + " → " + type);
        return directory.view(caseId, false);
    }

    /**
     * 移交: a center hands the case to a police station in its jurisdiction (audited). A case whose
     * victim is not in the registry moves its placement with it.
     */
    @Transactional
    public CaseView transfer(UUID caseId, Caller caller, String unitCode, String reason) {
        directory.requireVisible(caseId, caller);
        if (caller.role() != Role.CITY_CENTER && caller.role() != Role.DISTRICT_CENTER) {
            throw new CaseRefused(null, "only the city or a district center transfers cases");
        }
        var target = units.find(unitCode == null ? "" : unitCode.strip(), caller.scope())
                .filter(u -> u.kind() == UnitKind.STATION)
                .orElseThrow(() -> new CaseRefused("unit", "must be a police station in your jurisdiction"));
        var note = CaseInputs.text(reason, "reason", Text.NOTE);
        var before = lock(caseId);
        var now = clock.instant();
        var p = target.placement();
        jdbc.sql("""
                        UPDATE casework.fraud_case SET unit_code = :unit, unit_district_code = :district, updated_at = :now,
                            district_code = CASE WHEN :move THEN :district ELSE district_code END,
                            station_code = CASE WHEN :move THEN :station ELSE station_code END
                        WHERE id = :id
                        """)
                .param("unit", target.code())
                .param("district", p.district())
                .param("station", p.station())
                .param("move", !before.resident())
                .param("now", java.sql.Timestamp.from(now))
                .param("id", caseId)
                .update();
        store.history(caseId, now, caller.name(), "TRANSFERRED", null, null, target.code(), note);
        audit.record(
                caller.name(),
                "CASE_TRANSFERRED",
                "case",
                caseId.toString(),
                before.unitCode() + " → " + target.code());
        return directory.view(caseId, false);
    }

    /** Keeps a narrative with the type an officer gave it, and has the classifier learn it. */
    private void example(UUID caseId, String narrative, FraudType type, String suggested, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO casework.type_example (id, case_id, narrative, fraud_type, suggested, created_at, created_by)
                        VALUES (:id, :case, :narrative, :type, :suggested, :now, :by)
                        """)
                .param("id", TimeOrderedIds.next())
                .param("case", caseId)
                .param("narrative", narrative)
                .param("type", type.name())
                .param("suggested", suggested, java.sql.Types.VARCHAR)
                .param("now", java.sql.Timestamp.from(at))
                .param("by", by)
                .update();
        analyzer.retrainSoon();
    }

    record Locked(String unitCode, FraudType fraudType, String narrative, String suggested, boolean resident) {}

    private Locked lock(UUID caseId) {
        return jdbc.sql(
                        "SELECT unit_code, fraud_type, narrative, suggested_type, EXISTS (SELECT 1 FROM casework.victim v "
                                + "WHERE v.case_id = c.id AND v.resident_id IS NOT NULL) FROM casework.fraud_case c WHERE id = :id FOR UPDATE")
                .param("id", caseId)
                .query((rs, i) -> new Locked(
                        rs.getString(1),
                        FraudType.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .optional()
                .orElseThrow(() -> new CaseNotFound(caseId));
    }

    private static void addReceivingAccounts(List<NewCase.Identifier> identifiers, List<NewCase.Transfer> transfers) {
        for (var t : transfers) {
            if (t.receivingAccount() == null) {
                continue;
            }
            var id = CaseInputs.receiving(t.receivingAccount(), t.receivingBank());
            if (id != null
                    && identifiers.stream()
                            .noneMatch(i -> i.normalized().equals(id.normalized()) && i.kind() == id.kind())) {
                identifiers.add(id);
            }
        }
    }

    // ------------------------------------------------------------------ victims and units

    /** A victim with what the registry and the ID number tell. */
    record ResolvedVictim(NewCase.Victim row, Placement placement, java.time.LocalDate birthDate, String gender) {}

    private List<ResolvedVictim> victims(List<CaseInput.VictimInput> given, Caller caller) {
        if (given == null || given.isEmpty()) {
            throw new CaseRefused("victims", "name at least one victim");
        }
        var idNumbers = new LinkedHashMap<Integer, String>();
        for (int i = 0; i < given.size(); i++) {
            var v = given.get(i);
            if (v == null) {
                throw new CaseRefused("victims[" + i + "]", "is required");
            }
            var id = CaseInputs.idNumber(v.idNumber(), "victims[" + i + "].idNumber");
            if (id != null) {
                idNumbers.put(i, id);
            }
        }
        var registered = locator.byIdNumbers(idNumbers.values());
        var out = new ArrayList<ResolvedVictim>();
        for (int i = 0; i < given.size(); i++) {
            var v = given.get(i);
            var field = "victims[" + i + "]";
            var idNumber = idNumbers.get(i);
            var phone = CaseInputs.phone(v.phone(), field + ".phone");
            UUID residentId = null;
            Placement placement = null;
            String name = CaseInputs.text(v.name(), field + ".name", Text.NAME);
            String occupation = CaseInputs.text(v.occupation(), field + ".occupation", Text.SHORT);
            String employer = CaseInputs.text(v.employer(), field + ".employer", Text.SHORT);
            java.time.LocalDate birth = idNumber == null ? null : new IdNumber(idNumber).birthDate();
            String gender =
                    idNumber == null ? null : new IdNumber(idNumber).gender().name();
            if (v.residentId() != null) {
                var resident = residents
                        .find(v.residentId(), caller.scope())
                        .orElseThrow(
                                () -> new CaseRefused(field + ".residentId", "no such resident in your jurisdiction"));
                residentId = resident.id();
                placement = resident.placement();
                name = name == null ? resident.name() : name;
                birth = birth == null ? resident.birthDate() : birth;
                gender = gender == null ? resident.gender().name() : gender;
                occupation = occupation == null ? resident.occupation() : occupation;
                employer = employer == null ? resident.employer() : employer;
            } else if (idNumber != null && registered.containsKey(idNumber)) {
                var found = registered.get(idNumber);
                residentId = found.residentId();
                placement = found.placement();
                name = name == null ? found.name() : name;
            }
            if (name == null) {
                throw new CaseRefused(field + ".name", "is required for a victim outside the registry");
            }
            out.add(new ResolvedVictim(
                    new NewCase.Victim(i + 1, residentId, name, idNumber, phone, birth, gender, occupation, employer),
                    placement,
                    birth,
                    gender));
        }
        return out;
    }

    /**
     * The accepting unit: a station officer's own station; otherwise the station named, which must be
     * in the caller's jurisdiction; otherwise the first registered victim's station.
     */
    private Unit acceptingUnit(String code, Caller caller, List<ResolvedVictim> victims) {
        Optional<Unit> unit;
        if (caller.role() == Role.STATION_OFFICER) {
            unit = units.find(caller.scope().code(), Scope.city());
        } else if (code != null && !code.isBlank()) {
            unit = units.find(code.strip(), caller.scope()).filter(u -> u.kind() == UnitKind.STATION);
            if (unit.isEmpty()) {
                throw new CaseRefused("unit", "must be a police station in your jurisdiction");
            }
        } else {
            unit = victims.stream()
                    .map(ResolvedVictim::placement)
                    .filter(p -> p != null && p.station() != null)
                    .findFirst()
                    .flatMap(p -> units.find(p.station(), Scope.city()));
        }
        return unit.orElseThrow(() -> new CaseRefused("unit", "is required: the police station that accepts the case"));
    }

    Instant now() {
        return clock.instant();
    }
}
