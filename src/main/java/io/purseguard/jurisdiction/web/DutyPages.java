package io.purseguard.jurisdiction.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.DutyRoster;
import io.purseguard.jurisdiction.DutyShift;
import io.purseguard.jurisdiction.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** 值班: who holds each station's shift now, and the coming week. */
@Controller
class DutyPages {

    static final int DAYS = 7;

    private final DutyRoster roster;
    private final Clock clock;

    DutyPages(DutyRoster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** A shift as shown: the officer's phone masked. */
    public record ShiftRow(DutyShift shift, String phone) {}

    /** One station's coming shifts, the current one first. */
    public record StationWeek(Unit station, List<ShiftRow> shifts) {}

    @GetMapping("/duty")
    ModelAndView duty(Caller caller) {
        if (!caller.scope().seesPeople()) {
            return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        }
        var page = new ModelAndView("duty/roster");
        page.addObject(
                "now", roster.now(caller.scope()).stream().map(DutyPages::row).toList());
        var byStation = new LinkedHashMap<String, StationWeek>();
        for (var shift : roster.schedule(caller.scope(), clock.instant(), DAYS)) {
            byStation
                    .computeIfAbsent(shift.station().code(), c -> new StationWeek(shift.station(), new ArrayList<>()))
                    .shifts()
                    .add(row(shift));
        }
        page.addObject("weeks", List.copyOf(byStation.values()));
        return page;
    }

    private static ShiftRow row(DutyShift shift) {
        return new ShiftRow(shift, Masking.phone(shift.officer().phone()));
    }
}
