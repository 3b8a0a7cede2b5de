package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/**
 * Where a sign-in with a password lands: people on the console's landing page, always (not on a page asked before
 * signing in); an OpenCompliance controller's system on its password page, the only page it has (officer's walk: it
 * landed on the dashboard, which refused it).
 */
final class Landing extends SimpleUrlAuthenticationSuccessHandler {

    Landing(String landing) {
        super(landing);
        setAlwaysUseDefaultTargetUrl(true);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        var person = auth.getAuthorities().stream()
                .anyMatch(
                        a -> Role.people().stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
        return person ? super.determineTargetUrl(request, response, auth) : PasswordChangeGate.PASSWORD_PAGE;
    }
}
