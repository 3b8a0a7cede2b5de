package ca.gardien.organization;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Keeps the holder of a one-time password on the password page until they choose their own. */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/console/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null
                && auth.getPrincipal() instanceof AccountPrincipal p
                && p.mustChangePassword()
                && path.startsWith("/console")
                && !path.equals(PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
