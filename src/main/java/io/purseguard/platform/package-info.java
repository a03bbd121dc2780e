/**
 * The platform under every module: the embedded PostgreSQL, the web shell (layout, locale,
 * problem details) and operations. Nothing here knows the anti-fraud domain; modules use only its {@link io.purseguard.platform.BulkCopy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform · 平台")
package io.purseguard.platform;
