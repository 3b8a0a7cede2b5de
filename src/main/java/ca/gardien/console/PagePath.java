package ca.gardien.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What every server-rendered page needs: the current path (the navigation marks it) and, for the language switch to
 * return to, the path with its query. Added to a view's
 * model after its handler (unless the handler named another path), never to a redirect (it would become a query
 * parameter) nor to an API call, which has no view: a {@code @ModelAttribute} advice did this before every call,
 * REST controllers included, at about a tenth of an API call's request-thread time (bench/consent profile).
 */
final class PagePath implements HandlerInterceptor {

    static final String ATTRIBUTE = "currentPath";

    /** The address the language switch returns to: the path and its query, without a language of its own. */
    static final String RETURN = "switchReturn";

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getModelMap().containsAttribute(ATTRIBUTE) || redirects(view)) {
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        view.addObject(ATTRIBUTE, path);
        view.addObject(RETURN, withQuery(path, request.getQueryString()));
    }

    /**
     * The path with its query but for {@code lang}, which would switch the language back (officer's walk: the switch
     * dropped a list's filters and a notice's {@code in}). Each pair is written again as a form encodes it, so that the
     * switch ({@link LocaleController#QUERY}) takes back every query a page can have: a pair that does not decode is
     * left out, as no page reads it.
     */
    static String withQuery(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        var kept = new java.util.StringJoiner("&");
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            var name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            var value = equals < 0 ? null : decoded(pair.substring(equals + 1));
            // {@code %6Cang} is {@code lang} too (attacker's review)
            if (name == null || name.isEmpty() || "lang".equalsIgnoreCase(name) || (equals >= 0 && value == null)) {
                continue;
            }
            kept.add(value == null ? encoded(name) : encoded(name) + "=" + encoded(value));
        }
        return kept.length() == 0 ? path : path + "?" + kept;
    }

    private static String decoded(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean redirects(ModelAndView view) {
        var name = view.getViewName();
        if (name != null) {
            return name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                    || name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX);
        }
        return view.getView() instanceof SmartView smart && smart.isRedirectView();
    }
}
