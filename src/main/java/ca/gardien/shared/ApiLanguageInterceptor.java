package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API call is answered in the language its {@code Accept-Language} asks for ({@link ApiLanguage}), words from the
 * bundles and the validator's field messages alike: the validator interpolates in the locale of the request, which the
 * console's resolver (chosen language, cookie) would otherwise set.
 */
@Configuration(proxyBeanMethods = false)
class ApiLanguageInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(ErrorContract.API_PATTERNS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            LocaleContextHolder.setLocale(ApiLanguage.of(request));
        }
        return true;
    }
}
