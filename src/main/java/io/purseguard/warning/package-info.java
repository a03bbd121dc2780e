/**
 * Warning clues: intake, validation, de-duplication, triage, routing, sign-for. (Issue 3.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warning · 预警线索")
package io.purseguard.warning;
