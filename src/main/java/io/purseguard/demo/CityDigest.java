package io.purseguard.demo;

import io.purseguard.jurisdiction.CommunityOfficer;
import io.purseguard.jurisdiction.DutySlot;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * SHA-256 over a canonical text of a city: one tab-separated line per row, tables in a fixed order,
 * rows in the order given. Callers pass rows in the canonical order (the generator's lists are
 * already in it; a database reader gets it from ORDER BY), so the same city always gives the same
 * digest, whether it was just generated or read back.
 *
 * <p>Canonical order: units by code, staff by id, community officers by (community, staff id),
 * duty slots by (station, slot), residents by ID number, ties as stored (both directions) by
 * (resident id, other id, relation name). Codes and names compare as Java strings, which is
 * PostgreSQL's {@code COLLATE "C"} for them; UUIDs compare as unsigned bytes, as PostgreSQL does.
 */
final class CityDigest {

    /** Ties by (resident id, other id, relation name); spelled out because it sorts a million rows. */
    static final Comparator<Tie> TIE_ORDER = (a, b) -> {
        int c = compareUuids(a.residentId(), b.residentId());
        if (c == 0) {
            c = compareUuids(a.otherId(), b.otherId());
        }
        return c != 0 ? c : a.relation().name().compareTo(b.relation().name());
    };

    private static final int FLUSH_AT = 1 << 16;

    private final MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(FLUSH_AT + 1024);

    private CityDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The digest of rows already in canonical order; {@code storedTies} holds both directions. */
    static String of(
            List<Unit> units,
            List<StaffMember> staff,
            List<CommunityOfficer> communityOfficers,
            List<DutySlot> rotation,
            List<NewResident> residents,
            Iterable<Tie> storedTies) {
        var digest = new CityDigest();
        for (var u : units) {
            digest.line("unit", u.code(), u.parentCode(), u.kind(), u.name(), u.population())
                    .placement(u.placement())
                    .end();
        }
        for (var s : staff) {
            digest.line(
                            "staff",
                            s.id(),
                            s.residentId(),
                            s.name(),
                            s.role(),
                            s.unitCode(),
                            s.phone(),
                            s.title(),
                            s.employer())
                    .placement(s.placement())
                    .end();
        }
        for (var c : communityOfficers) {
            digest.line("community_officer", c.communityCode(), c.staffId()).end();
        }
        for (var d : rotation) {
            digest.line("duty_slot", d.stationCode(), d.slot(), d.staffId()).end();
        }
        for (var r : residents) {
            digest.line(
                            "resident",
                            r.id(),
                            r.name(),
                            r.idNumber().value(),
                            r.idNumber().gender(),
                            r.idNumber().birthDate(),
                            r.phone(),
                            r.address(),
                            r.homeVillage(),
                            r.occupation(),
                            r.employer(),
                            String.join(",", r.tags()))
                    .placement(r.placement())
                    .end();
        }
        for (var t : storedTies) {
            digest.line("tie", t.residentId(), t.otherId(), t.relation()).end();
        }
        return digest.finish();
    }

    /** PostgreSQL's uuid order: the 16 bytes unsigned, which {@link UUID#compareTo} is not. */
    static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private CityDigest line(String table, Object... values) {
        text.append(table);
        for (Object value : values) {
            text.append('\t');
            append(value);
        }
        return this;
    }

    private CityDigest placement(Placement p) {
        for (String code : new String[] {p.district(), p.station(), p.township(), p.community(), p.grid()}) {
            text.append('\t');
            append(code);
        }
        return this;
    }

    private void end() {
        text.append('\n');
        if (text.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value.toString();
        if (!needsEscape(s)) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void flush() {
        sha256.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private String finish() {
        flush();
        return HexFormat.of().formatHex(sha256.digest());
    }
}
