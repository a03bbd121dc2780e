package io.purseguard.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeTest {

    private final Placement grid = new Placement("329901", "329901P01", "329901101", "329901101201", "32990110120101");

    @Test
    void a_station_scope_becomes_one_equality_on_the_station_column() {
        assertThat(Scope.of(UnitKind.STATION, "329901P01").predicate("r")).isEqualTo("r.station_code = :scopeCode");
    }

    @Test
    void the_city_sees_everything_and_no_scope_sees_nothing() {
        assertThat(Scope.city().predicate("r")).isEqualTo("TRUE");
        assertThat(Scope.none().predicate("r")).isEqualTo("FALSE");
        assertThat(Scope.city().contains(grid)).isTrue();
        assertThat(Scope.none().contains(grid)).isFalse();
    }

    @Test
    void containment_follows_the_placement_on_both_trees() {
        assertThat(Scope.of(UnitKind.TOWNSHIP, "329901101").contains(grid)).isTrue();
        assertThat(Scope.of(UnitKind.STATION, "329901P02").contains(grid)).isFalse();
        assertThat(Scope.of(UnitKind.GRID, "32990110120101").contains(grid)).isTrue();
    }
}
