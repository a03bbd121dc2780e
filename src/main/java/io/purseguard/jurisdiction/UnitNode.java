package io.purseguard.jurisdiction;

import java.util.List;

/** A unit with its children, as drawn in a tree, plus how many staff work in it. */
public record UnitNode(Unit unit, int staff, List<UnitNode> children) {}
