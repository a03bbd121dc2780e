/**
 * Fraud cases, victims, losses and recovery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework · 案件")
package io.purseguard.casework;
