/**
 * The shared kernel of jurisdiction scope: the unit levels ({@link io.purseguard.scope.UnitKind}),
 * where something sits on both trees ({@link io.purseguard.scope.Placement}) and what part of the city
 * a caller may see ({@link io.purseguard.scope.Scope}). Three small value types, kept apart so that
 * identity (who the caller is) and jurisdiction (the tree) need not depend on each other.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scope · 辖区范围")
package io.purseguard.scope;
