package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The language an API answer's words are written in: the first of French and English that the {@code Accept-Language}
 * header asks for, else the locale the request resolved to (the console's choice for a signed-in browser), French by
 * default and before Spring MVC has resolved a locale.
 */
public final class ApiLanguage {

    private ApiLanguage() {}

    /** The language of the request being handled, French outside a request. */
    public static Locale current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest())
                : Language.FRENCH.locale();
    }

    public static Locale of(HttpServletRequest request) {
        var header = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            try {
                for (var range : Locale.LanguageRange.parse(header)) {
                    var spoken = Language.byCode(range.getRange().split("-")[0]);
                    if (spoken.isPresent()) {
                        return spoken.get().locale();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header asks for nothing
            }
        }
        // before Spring MVC resolved the request's locale (the security filters, the container), French
        return request != null && RequestContextUtils.getLocaleResolver(request) == null
                ? Language.FRENCH.locale()
                : Language.of(LocaleContextHolder.getLocale()).locale();
    }
}
