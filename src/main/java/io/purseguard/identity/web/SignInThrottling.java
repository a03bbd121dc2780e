package io.purseguard.identity.web;

import io.purseguard.identity.SignInLocks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's throttle: a try on a locked account or from a locked address is refused before
 * the password is looked at (audited, and the page says so); a wrong password counts against both.
 * The address is the client's as Tomcat sees it, which behind a proxy comes from
 * {@code X-Forwarded-For} (trusted only from {@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
class SignInThrottling {

    /** Where a refused try is sent: the sign-in page with the lock's message. */
    static final String LOCKED_PAGE = "/login?locked";

    private final SignInLocks locks;

    SignInThrottling(SignInLocks locks) {
        this.locks = locks;
    }

    /** The hook the form-login chain calls: refuses tries on locked keys ahead of the password check. */
    static void guard(HttpSecurity http) {
        var throttling = http.getSharedObject(ApplicationContext.class).getBean(SignInThrottling.class);
        http.addFilterBefore(throttling.new Refusal(), UsernamePasswordAuthenticationFilter.class);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        locks.failed(String.valueOf(event.getAuthentication().getPrincipal()), address);
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        locks.succeeded(event.getAuthentication().getName());
    }

    /** Stands in front of the form's POST. */
    private final class Refusal extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var account = String.valueOf(request.getParameter("username"));
            var lock = locks.refusing(account, request.getRemoteAddr());
            if (lock.isPresent()) {
                locks.refused(account, lock.get());
                response.sendRedirect(request.getContextPath() + LOCKED_PAGE);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
