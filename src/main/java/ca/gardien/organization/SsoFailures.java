package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A single sign-on that did not succeed: the reason goes to the log at WARN for the administrator (codes and the
 * provider's error description, no personal information), to the ledger, and to the login page as its own message.
 */
final class SsoFailures implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoFailures.class);
    private static final Pattern ISSUER_CLAIM = Pattern.compile("[{ ,]iss=");
    /** Errors an identity provider answers instead of a code (RFC 6749 s. 4.1.2.1, OpenID Connect Core s. 3.1.2.6). */
    private static final Set<String> PROVIDER_ERRORS = Set.of(
            "invalid_request",
            "unauthorized_client",
            "unsupported_response_type",
            "invalid_scope",
            "server_error",
            "temporarily_unavailable",
            "interaction_required",
            "login_required",
            "account_selection_required",
            "consent_required",
            "invalid_request_uri",
            "invalid_request_object",
            "request_not_supported",
            "request_uri_not_supported",
            "registration_not_supported");

    private final ClientRegistrationRepository registrations;
    private final SignInFacts facts;

    SsoFailures(ClientRegistrationRepository registrations, SignInFacts facts) {
        this.registrations = registrations;
        this.facts = facts;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var refusal = classify(exception);
        var registrationId = registrationId(request);
        var error = exception instanceof OAuth2AuthenticationException o
                ? o.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        log.warn(
                "Single sign-on through '{}' refused: {} (error {}{}{})",
                registrationId,
                refusal.code(),
                error,
                detail(exception),
                rootCause(exception));
        if (exception instanceof SsoRefused r) {
            facts.ssoFailed(registrationId, r.issuer(), r.subject(), r.accountId(), refusal);
        } else {
            facts.ssoFailed(registrationId, configuredIssuer(registrationId), null, null, refusal);
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + refusal.code());
    }

    static SsoRefusal classify(AuthenticationException exception) {
        if (exception instanceof SsoRefused r) {
            return r.refusal();
        }
        if (!(exception instanceof OAuth2AuthenticationException o)) {
            return SsoRefusal.FAILED;
        }
        var code = o.getError().getErrorCode();
        return switch (code) {
            case "authorization_request_not_found", "invalid_state_parameter" -> SsoRefusal.REQUEST_EXPIRED;
            case "access_denied" -> SsoRefusal.ACCESS_DENIED;
            case "invalid_token_response", "invalid_user_info_response" ->
                unreachable(exception) ? SsoRefusal.IDP_UNREACHABLE : SsoRefusal.IDP_ERROR;
            case "invalid_id_token" ->
                unreachable(exception)
                        ? SsoRefusal.IDP_UNREACHABLE
                        : issuerRejected(o) ? SsoRefusal.ISSUER_MISMATCH : SsoRefusal.INVALID_TOKEN;
            case "invalid_nonce" -> SsoRefusal.INVALID_TOKEN;
            default -> PROVIDER_ERRORS.contains(code) ? SsoRefusal.IDP_ERROR : SsoRefusal.FAILED;
        };
    }

    private static boolean unreachable(Throwable exception) {
        for (var cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean issuerRejected(OAuth2AuthenticationException exception) {
        var description = exception.getError().getDescription();
        return description != null && ISSUER_CLAIM.matcher(description).find();
    }

    /** The provider's description for token and ID-token errors (codes, claims it rejected); ours for refusals. */
    private static String detail(AuthenticationException exception) {
        if (!(exception instanceof OAuth2AuthenticationException o)
                || o.getError().getDescription() == null
                || !(exception instanceof SsoRefused
                        || Set.of("invalid_id_token", "invalid_token_response")
                                .contains(o.getError().getErrorCode()))) {
            return "";
        }
        var description = o.getError().getDescription().replaceAll("\\p{Cntrl}", " ");
        return ": " + (description.length() > 300 ? description.substring(0, 300) + "…" : description);
    }

    private static String rootCause(Throwable exception) {
        Throwable root = null;
        for (var cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            root = cause;
        }
        return root == null ? "" : "; cause " + root.getClass().getSimpleName();
    }

    /** The registration named by the callback path, if it is one of ours (anyone can call that path with anything). */
    private String registrationId(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var id = path.startsWith(SealedAuthorizationRequests.CALLBACK_PATH)
                ? path.substring(SealedAuthorizationRequests.CALLBACK_PATH.length())
                : "";
        return !id.isEmpty() && registrations.findByRegistrationId(id) != null ? id : "unknown";
    }

    private String configuredIssuer(String registrationId) {
        var registration = registrations.findByRegistrationId(registrationId);
        return registration == null ? null : registration.getProviderDetails().getIssuerUri();
    }
}
