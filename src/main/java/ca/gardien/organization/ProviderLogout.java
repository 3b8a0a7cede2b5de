package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After the local logout of a person who signed in through a provider that has an {@code end_session_endpoint}, sends
 * the browser there (RP-initiated logout, with the ID token as hint and {@code <base>/login?logout} to come back to)
 * through an {@link OnwardPage}: the logout is a form post, and {@code form-action 'self'} forbids its redirect to
 * another origin. Everyone else is redirected to {@code /login?logout}.
 */
final class ProviderLogout extends OidcClientInitiatedLogoutSuccessHandler {

    private final MessageSource messages;

    ProviderLogout(ClientRegistrationRepository registrations, MessageSource messages) {
        super(registrations);
        this.messages = messages;
        setPostLogoutRedirectUri("{baseUrl}/login?logout");
        setDefaultTargetUrl("/login?logout");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var target = determineTargetUrl(request, response, authentication);
        if (target.startsWith("/")) {
            getRedirectStrategy().sendRedirect(request, response, target);
        } else {
            OnwardPage.write(response, target, messages, "logout.provider");
        }
    }
}
