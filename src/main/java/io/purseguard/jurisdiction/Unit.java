package io.purseguard.jurisdiction;

import io.purseguard.scope.Placement;
import io.purseguard.scope.UnitKind;

/**
 * A unit of the tree.
 *
 * @param code stable code (administrative style, e.g. {@code 329901101201} for a community)
 * @param parentCode the parent on the primary tree; null for the city
 * @param population resident population, for incidence per 10,000 residents
 * @param placement the unit's ancestors on both trees, itself included
 */
public record Unit(String code, String parentCode, UnitKind kind, String name, int population, Placement placement) {}
