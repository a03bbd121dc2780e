/**
 * Users and roles, API clients, the caller's jurisdiction scope, masking of personal data and the hash-chained audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity · 用户权限审计")
package io.purseguard.identity;
