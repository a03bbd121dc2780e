package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.TeamRole;
import io.purseguard.dissuasion.web.SwapCandidates.Candidate;
import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.Units;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Who may take a team member's place, for the swap form: staff of the same kind near the person, or kin. */
@Component
class SwapCandidates {

    private final Units units;
    private final StaffDirectory staff;
    private final ResidentDirectory residents;
    private final MessageSource messages;

    SwapCandidates(Units units, StaffDirectory staff, ResidentDirectory residents, MessageSource messages) {
        this.units = units;
        this.staff = staff;
        this.residents = residents;
        this.messages = messages;
    }

    /** Someone who can take a team member's place: {@code staff:<id>} or {@code resident:<id>}, and a label. */
    public record Candidate(String value, String label) {}

    /** Who may take each place (by the member's sequence number): staff of the same kind near the person, or kin. */
    Map<Integer, List<Candidate>> candidates(TaskView task, Locale locale) {
        var placement = task.gridCode() == null
                ? null
                : units.placementOf(task.gridCode()).orElse(null);
        var byRole = new LinkedHashMap<TeamRole, List<Candidate>>();
        var result = new LinkedHashMap<Integer, List<Candidate>>();
        for (var member : task.team()) {
            var pool = byRole.computeIfAbsent(member.role(), role -> pool(role, task, placement, locale));
            result.put(
                    member.seq(),
                    pool.stream()
                            .filter(c -> !c.value().equals("staff:" + member.staffId())
                                    && !c.value().equals("resident:" + member.residentId()))
                            .toList());
        }
        return result;
    }

    private List<Candidate> pool(TeamRole role, TaskView task, Placement placement, Locale locale) {
        if (role == TeamRole.RELATIVE) {
            var person = task.person().residentId();
            if (person == null) {
                return List.of();
            }
            return residents.find(person, Scope.city()).stream()
                    .flatMap(d -> d.ties().stream())
                    .filter(tie -> tie.relation().isKin() && tie.residentId() != null)
                    .map(tie -> new Candidate(
                            "resident:" + tie.residentId(),
                            messages.getMessage(
                                            "relation." + tie.relation(),
                                            null,
                                            tie.relation().name(),
                                            locale)
                                    + " · "
                                    + Masking.name(tie.name())))
                    .toList();
        }
        StaffRole staffRole;
        String unit;
        switch (role) {
            case GRID_WORKER -> {
                staffRole = StaffRole.GRID_WORKER;
                unit = placement == null ? task.stationCode() : placement.community();
            }
            case TOWNSHIP_HEAD -> {
                staffRole = StaffRole.TOWNSHIP_HEAD;
                unit = placement == null ? null : placement.township();
            }
            default -> {
                staffRole = StaffRole.OFFICER;
                unit = task.stationCode();
            }
        }
        if (unit == null) {
            return List.of();
        }
        var found = staff.find(staffRole, unit, Scope.city());
        var names = units.names(found.stream()
                .map(s -> s.unitCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return found.stream()
                .map(s -> new Candidate(
                        "staff:" + s.id(),
                        Masking.name(s.name())
                                + (s.title() == null ? "" : " · " + s.title())
                                + " · "
                                + names.getOrDefault(s.unitCode(), s.unitCode())))
                .toList();
    }
}
