package io.purseguard.warning;

import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.residents.LocatedResident;
import io.purseguard.residents.ResidentLocator;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Routes a warning down the tree by where the person lives, trying in order: the resident registry
 * (ID number, then phone), the ID number's region code, the address text against unit names. What is
 * still unplaced, or placed outside the city, goes to the city center's manual queue with the reason
 * (including where the phone number was issued, when that is known).
 */
@Component
class WarningRouter {

    private final ResidentLocator residents;
    private final Units units;
    // the unit names addresses are matched against; the tree is loaded once (no module edits it yet)
    private volatile UnitCatalogue catalogue;

    WarningRouter(ResidentLocator residents, Units units) {
        this.residents = residents;
        this.units = units;
    }

    /** The registry's answers for a whole batch, fetched in two queries instead of two per clue. */
    record Lookups(Map<String, LocatedResident> byIdNumber, Map<String, LocatedResident> byPhone) {}

    Lookups lookUp(List<Clue> clues) {
        var ids = clues.stream()
                .map(c -> c.person().idNumber())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        var byIdNumber = residents.byIdNumbers(ids);
        // the phone is tried second, so only for those the ID number did not find
        var phones = clues.stream()
                .filter(c -> c.person().idNumber() == null
                        || !byIdNumber.containsKey(c.person().idNumber()))
                .map(c -> c.person().phone())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return new Lookups(byIdNumber, residents.byPhones(phones));
    }

    Route route(Clue clue, Lookups lookups) {
        var person = clue.person();
        return first(
                        () -> registry(
                                Optional.ofNullable(person.idNumber()).map(lookups.byIdNumber()::get),
                                RouteMethod.REGISTRY_ID_NUMBER),
                        () -> registry(
                                Optional.ofNullable(person.phone()).map(lookups.byPhone()::get),
                                RouteMethod.REGISTRY_PHONE),
                        () -> idRegion(person.idNumber()),
                        () -> address(person.address()))
                .orElseGet(() -> manual(person));
    }

    @SafeVarargs
    private static Optional<Route> first(Supplier<Optional<Route>>... attempts) {
        return Stream.of(attempts).map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private Optional<Route> registry(Optional<LocatedResident> found, RouteMethod method) {
        return found.map(r -> new Route(
                method,
                r.placement().station(),
                r.placement(),
                r.residentId(),
                "registered resident of grid " + r.placement().grid()));
    }

    private Optional<Route> idRegion(String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        var region = idNumber.substring(0, 6);
        return catalogue()
                .district(region)
                .map(d -> new Route(
                        RouteMethod.ID_REGION,
                        d.code(),
                        d.placement(),
                        null,
                        "ID region " + region + " is " + d.name()
                                + "; not in the registry, so the district assigns a station"));
    }

    private Optional<Route> address(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return catalogue()
                .matchCommunity(address)
                .map(c -> new Route(
                        RouteMethod.ADDRESS,
                        c.placement().station(),
                        new Placement(
                                c.placement().district(),
                                c.placement().station(),
                                c.placement().township(),
                                c.code(),
                                null),
                        null,
                        "address names " + c.name()))
                .or(() -> catalogue()
                        .matchTownship(address)
                        .map(t -> new Route(
                                RouteMethod.ADDRESS,
                                t.placement().district(),
                                new Placement(t.placement().district(), null, t.code(), null, null),
                                null,
                                "address names " + t.name() + " only; the district assigns a station")));
    }

    private Route manual(Clue.Person person) {
        var why = new StringBuilder("not found in the registry; no district, community or township of the city named");
        if (person.phone() != null) {
            MobileNumbers.region(person.phone()).ifPresent(region -> why.append("; the phone was issued in ")
                    .append(region));
        }
        return new Route(RouteMethod.MANUAL, catalogue().city().code(), Placement.NONE, null, why.toString());
    }

    private UnitCatalogue catalogue() {
        var current = catalogue;
        if (current == null) {
            current = new UnitCatalogue(units.list(Scope.city()));
            catalogue = current;
        }
        return current;
    }

    /** The unit names addresses are matched against; a few hundred units, kept in memory. */
    private record UnitCatalogue(Unit city, List<Unit> districts, List<Unit> townships, List<Unit> communities) {

        UnitCatalogue(List<Unit> all) {
            this(
                    all.stream()
                            .filter(u -> u.kind() == UnitKind.CITY)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("the unit tree has no city")),
                    of(all, UnitKind.DISTRICT),
                    of(all, UnitKind.TOWNSHIP),
                    of(all, UnitKind.COMMUNITY));
        }

        private static List<Unit> of(List<Unit> all, UnitKind kind) {
            return all.stream().filter(u -> u.kind() == kind).toList();
        }

        Optional<Unit> district(String regionCode) {
            return districts.stream().filter(d -> d.code().equals(regionCode)).findFirst();
        }

        /**
         * The community the address names; when several names match (two villages called 杏花), the
         * one whose township the address also names, then the longest name; a tie is no match.
         */
        Optional<Unit> matchCommunity(String address) {
            var named =
                    communities.stream().filter(c -> address.contains(c.name())).toList();
            if (named.size() > 1) {
                var withTownship = named.stream()
                        .filter(c -> townshipName(c).map(address::contains).orElse(false))
                        .toList();
                if (!withTownship.isEmpty()) {
                    named = withTownship;
                }
            }
            return longestUnique(named);
        }

        Optional<Unit> matchTownship(String address) {
            return longestUnique(
                    townships.stream().filter(t -> address.contains(t.name())).toList());
        }

        private Optional<String> townshipName(Unit community) {
            return townships.stream()
                    .filter(t -> t.code().equals(community.placement().township()))
                    .map(Unit::name)
                    .findFirst();
        }

        private static Optional<Unit> longestUnique(List<Unit> candidates) {
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            int longest =
                    candidates.stream().mapToInt(u -> u.name().length()).max().orElse(0);
            var best = candidates.stream()
                    .filter(u -> u.name().length() == longest)
                    .toList();
            return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
        }
    }
}
