/**
 * Dissuasion tasks, the 4+1 team, SLA clocks, outcomes and revisits. (Issue 4.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dissuasion · 劝阻")
package io.purseguard.dissuasion;
