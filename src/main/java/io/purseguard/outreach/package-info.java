/**
 * Content, segments, grid groups and campaigns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach · 精准宣传")
package io.purseguard.outreach;
