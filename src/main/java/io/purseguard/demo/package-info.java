/**
 * The deterministic demo city: generated from a seed on first start when demo mode is on (embedded database), loaded in bulk through the owning modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo · 演示")
package io.purseguard.demo;
