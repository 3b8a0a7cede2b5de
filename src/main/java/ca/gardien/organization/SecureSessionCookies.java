package ca.gardien.organization;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session cookie is {@code Secure} whenever the request is HTTPS as the application sees it. Tomcat marks it so by
 * itself for TLS it terminates and behind a proxy with {@code server.forward-headers-strategy=native} (its remote-IP
 * valve); with {@code framework} only Spring's wrapper knows the request came over HTTPS, so the cookie Tomcat writes
 * is marked here, when the session is created or its id changed (sign-in). Runs right after the forwarded-headers
 * filter; HSTS comes from Spring Security's header writer, which also asks the request whether it is secure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SecureSessionCookies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        var cookie = request.getServletContext().getSessionCookieConfig().getName();
        var name = (cookie == null ? "JSESSIONID" : cookie) + "=";
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public HttpSession getSession(boolean create) {
                        var session = super.getSession(create);
                        secure(response, name);
                        return session;
                    }

                    @Override
                    public HttpSession getSession() {
                        return getSession(true);
                    }

                    @Override
                    public String changeSessionId() {
                        var id = super.changeSessionId();
                        secure(response, name);
                        return id;
                    }
                },
                response);
    }

    /** Adds {@code Secure} to the session cookie the container has just set, if it lacks it. */
    static void secure(HttpServletResponse response, String name) {
        if (response.isCommitted()) {
            return;
        }
        var headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean changed = false;
        for (int i = 0; i < headers.size(); i++) {
            var header = headers.get(i);
            if (header.startsWith(name) && !header.toLowerCase(Locale.ROOT).contains("; secure")) {
                headers.set(i, header + "; Secure");
                changed = true;
            }
        }
        if (changed) {
            response.setHeader("Set-Cookie", headers.get(0));
            headers.stream().skip(1).forEach(h -> response.addHeader("Set-Cookie", h));
        }
    }
}
