package io.purseguard.demo;

import io.purseguard.jurisdiction.CommunityOfficer;
import io.purseguard.jurisdiction.DutySlot;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.Relation;
import io.purseguard.residents.Tie;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A generated city, every list but the ties in the canonical order of {@link CityDigest}, which is
 * also the order it is loaded in (units by code are parents first, as the loader needs).
 *
 * @param ties each pair once, as {@link io.purseguard.residents.ResidentRegistry} wants them, by the
 *     first person's id (the cheapest order for the database's indexes)
 * @param accountStaff the staff member each linked demo account signs in as, by username
 */
record DemoCity(
        long seed,
        List<Unit> units,
        List<StaffMember> staff,
        List<CommunityOfficer> communityOfficers,
        List<DutySlot> rotation,
        List<NewResident> residents,
        List<Tie> ties,
        Map<String, UUID> accountStaff) {

    private static final int RANK_BITS = 28;

    /** SHA-256 hex of the canonical text of all rows, ties as the database stores them. */
    String digest() {
        return CityDigest.of(units, staff, communityOfficers, rotation, residents, storedTies());
    }

    /**
     * Both directions of every tie in {@link CityDigest#TIE_ORDER}. A million tie objects sort
     * slowly by comparator (each comparison chases four UUIDs), so each direction is packed into
     * one long (resident rank, other rank, relation rank) and the longs are sorted instead.
     */
    private Iterable<Tie> storedTies() {
        if (residents.size() >= 1 << RANK_BITS) {
            throw new IllegalStateException("too many residents to pack a tie into a long");
        }
        UUID[] byRank = residents.stream()
                .map(NewResident::id)
                .sorted(CityDigest::compareUuids)
                .toArray(UUID[]::new);
        var rank = new HashMap<UUID, Integer>(byRank.length * 2);
        for (int i = 0; i < byRank.length; i++) {
            rank.put(byRank[i], i);
        }
        Relation[] relationsByName = Relation.values().clone();
        Arrays.sort(relationsByName, Comparator.comparing(Relation::name));
        int[] relationRank = new int[relationsByName.length];
        for (int i = 0; i < relationsByName.length; i++) {
            relationRank[relationsByName[i].ordinal()] = i;
        }
        long[] keys = new long[ties.size() * 2];
        int k = 0;
        for (var tie : ties) {
            long a = rank.get(tie.residentId());
            long b = rank.get(tie.otherId());
            keys[k++] = (a << (RANK_BITS + 4))
                    | (b << 4)
                    | relationRank[tie.relation().ordinal()];
            keys[k++] = (b << (RANK_BITS + 4))
                    | (a << 4)
                    | relationRank[tie.relation().inverse().ordinal()];
        }
        Arrays.sort(keys);
        long mask = (1L << RANK_BITS) - 1;
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < keys.length;
            }

            @Override
            public Tie next() {
                long key = keys[next++];
                return new Tie(
                        byRank[(int) (key >>> (RANK_BITS + 4))],
                        byRank[(int) ((key >>> 4) & mask)],
                        relationsByName[(int) (key & 15)]);
            }
        };
    }
}
