/**
 * Stop-payment, freeze, return, phone restriction and blocking, with their legal time limits. (Issue 5.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Protection · 止付冻结封堵")
package io.purseguard.protection;
