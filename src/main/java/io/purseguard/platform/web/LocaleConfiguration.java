package io.purseguard.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese for everyone unless they ask otherwise: the browser's Accept-Language is ignored on
 * purpose (a police workstation's browser often says en-US), {@code ?lang=en} or {@code ?lang=zh-CN}
 * switches and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String PARAM = "lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SupportedLocales("purseguard-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName(PARAM);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    /** Remembers only a language we have bundles for: English, or else Simplified Chinese. */
    static final class SupportedLocales extends CookieLocaleResolver {

        SupportedLocales(String cookieName) {
            super(cookieName);
        }

        static Locale supported(Locale requested) {
            return requested != null && "en".equals(requested.getLanguage())
                    ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
        }

        @Override
        public void setLocaleContext(
                HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
            var requested = localeContext == null ? null : localeContext.getLocale();
            super.setLocaleContext(request, response, new SimpleLocaleContext(supported(requested)));
        }
    }
}
