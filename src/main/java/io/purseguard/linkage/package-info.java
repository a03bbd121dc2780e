/**
 * Identifiers, case series and fund-flow tracing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Linkage · 串并、资金流")
package io.purseguard.linkage;
