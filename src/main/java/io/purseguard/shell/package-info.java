/**
 * The web shell around the modules' pages: the layout's header and navigation for the caller's role,
 * and the home page summarising the caller's jurisdiction. It depends on the modules it shows; none
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shell · 门户")
package io.purseguard.shell;
