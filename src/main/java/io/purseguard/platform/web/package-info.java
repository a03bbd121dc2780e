/**
 * The web shell every page shares: the locale (zh-CN first, English second) and the HTML error
 * pages. Pages about the domain live in the owning modules' {@code web} packages; the home page
 * lives in {@code residents.web} because it summarises people and units, and putting it here would
 * make the platform depend on the modules that depend on it. What modules' pages share is public
 * here: {@link io.purseguard.platform.web.Pages} (the error pages, the id in an address), {@link
 * io.purseguard.platform.web.CityTimes} (times as the city reads them) and {@link
 * io.purseguard.platform.web.FormFields} (a form shown again as typed, with its messages).
 */
@org.springframework.modulith.NamedInterface("web")
package io.purseguard.platform.web;
