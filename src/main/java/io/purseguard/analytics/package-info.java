/**
 * Bulletins, KPIs, rankings and problem lists, built from events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics · 研判考核")
package io.purseguard.analytics;
