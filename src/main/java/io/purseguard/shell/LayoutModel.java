package io.purseguard.shell;

import io.purseguard.identity.Caller;
import io.purseguard.identity.CurrentCaller;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page (error pages included) what the layout shows: who is signed in, the
 * name of their scope and which sections their role opens. JSON responses carry no view and are
 * left alone.
 */
@Component
class LayoutModel implements HandlerInterceptor, WebMvcConfigurer {

    private final Units units;

    LayoutModel(Units units) {
        this.units = units;
    }

    /**
     * The header and navigation of one page.
     *
     * @param scopeName the unit the caller sees, or null for roles that see no people
     * @param path the request path, to mark the current section
     */
    public record Shell(Caller caller, String scopeName, String path) {

        public boolean signedIn() {
            return caller != null;
        }

        /** 辖区, 实有人口: roles whose scope holds people. */
        public boolean people() {
            return caller != null && caller.scope().seesPeople();
        }

        /** 值班: the roster is kept per police station, so only scopes that hold stations. */
        public boolean duty() {
            if (!people()) {
                return false;
            }
            var kind = caller.scope().kind();
            return kind == UnitKind.CITY || kind == UnitKind.DISTRICT || kind == UnitKind.STATION;
        }

        /** 预警: the warnings of the caller's scope, for every role whose scope holds people. */
        public boolean warnings() {
            return people();
        }

        /** The live warning board, for the city's and the districts' anti-fraud centers. */
        public boolean warningBoard() {
            return caller != null && (caller.role() == Role.CITY_CENTER || caller.role() == Role.DISTRICT_CENTER);
        }

        /** 任务: dissuasion tasks, for roles whose scope holds people and for staff members (their own). */
        public boolean tasks() {
            return caller != null && (caller.scope().seesPeople() || caller.staffId() != null);
        }

        /** 案件: the centers and the police stations work cases (casework). */
        public boolean cases() {
            return io.purseguard.casework.CaseScope.worksCases(caller);
        }

        /** 回访: the revisits of the same tasks. */
        public boolean revisits() {
            return tasks();
        }

        /**
         * 劝阻设置: the SLA policy and checklists, linked for the administrator who publishes them (those
         * who see tasks may open the page read-only from the task list).
         */
        public boolean dissuasionSettings() {
            return admin();
        }

        public boolean audit() {
            return caller != null && caller.role() == Role.AUDITOR;
        }

        /** 银行协查: the bank liaison's queue of their bank's requests. */
        public boolean bankPortal() {
            return caller != null && caller.role() == Role.BANK_LIAISON;
        }

        /** 管理: users and API tokens. */
        public boolean admin() {
            return caller != null && caller.role() == Role.ADMIN;
        }

        /**
         * 分级规则: the triage rules, linked for the administrator who publishes them (anyone signed in
         * may open the page read-only).
         */
        public boolean triageRules() {
            return admin();
        }

        /** Whether {@code section} (e.g. {@code /units}) is the current one. */
        public boolean at(String section) {
            if (path == null) {
                return false;
            }
            return "/".equals(section) ? "/".equals(path) : path.equals(section) || path.startsWith(section + "/");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || mav.getViewName() != null && mav.getViewName().startsWith("redirect:")) {
            return;
        }
        // null on the login page and error pages for visitors: a header without a user
        Caller caller = CurrentCaller.get().orElse(null);
        var path = request.getRequestURI().substring(request.getContextPath().length());
        mav.addObject("shell", new Shell(caller, caller == null ? null : scopeName(caller.scope()), path));
    }

    private String scopeName(Scope scope) {
        if (!scope.seesPeople()) {
            return null;
        }
        if (scope.kind() == UnitKind.CITY) {
            return units.list(UnitKind.CITY, scope).stream()
                    .findFirst()
                    .map(Unit::name)
                    .orElse(null);
        }
        return units.names(List.of(scope.code())).get(scope.code());
    }
}
