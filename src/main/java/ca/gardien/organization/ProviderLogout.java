package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.util.HtmlUtils;

/**
 * After the local logout of a person who signed in through a provider that has an {@code end_session_endpoint}, sends
 * the browser there (RP-initiated logout, with the ID token as hint and {@code <base>/login?logout} to come back to);
 * everyone else goes to {@code /login?logout}. Not by a redirect: the logout is a form post, and the pages' {@code
 * Content-Security-Policy: form-action 'self'} forbids a form's redirect to another origin. A page that moves on by
 * itself (meta refresh, a link for the rest) is a plain navigation.
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
            return;
        }
        var url = HtmlUtils.htmlEscape(target);
        var french = HtmlUtils.htmlEscape(messages.getMessage("logout.provider", null, Locale.CANADA_FRENCH));
        var english = HtmlUtils.htmlEscape(messages.getMessage("logout.provider", null, Locale.CANADA));
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        var page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>Gardien</title></head>"
                + "<body><main><p><a id=\"provider-logout\" href=\"" + url + "\">" + french + "</a></p>"
                + "<p lang=\"en\"><a href=\"" + url + "\">" + english + "</a></p></main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
