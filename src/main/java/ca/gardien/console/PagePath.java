package ca.gardien.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What every server-rendered page needs: the current path, for the language switch to return to. Added to a view's
 * model after its handler (unless the handler named another path), never to a redirect (it would become a query
 * parameter) nor to an API call, which has no view: a {@code @ModelAttribute} advice did this before every call,
 * REST controllers included, at about a tenth of an API call's request-thread time (bench/consent profile).
 */
final class PagePath implements HandlerInterceptor {

    static final String ATTRIBUTE = "currentPath";

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getModelMap().containsAttribute(ATTRIBUTE) || redirects(view)) {
            return;
        }
        view.addObject(
                ATTRIBUTE,
                request.getRequestURI().substring(request.getContextPath().length()));
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
