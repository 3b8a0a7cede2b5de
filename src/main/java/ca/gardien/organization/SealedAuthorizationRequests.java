package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the OpenID Connect authorization request (state, nonce, PKCE verifier) from the redirect to the identity
 * provider until its answer in a cookie of its own, sealed with AES-256-GCM, instead of the session. The session
 * cookie is {@code SameSite=Strict}: a browser coming back from a provider on another site does not send it, and the
 * request kept in the session would be lost ({@code authorization_request_not_found}). This cookie is {@code
 * SameSite=Lax} (sent on the top-level GET that brings the answer back), {@code HttpOnly}, sent only to the callback
 * path, and good for {@code sign-in-within}; it is cleared when the answer arrives. It holds no session and grants
 * nothing by itself: it only lets the answer whose {@code state} it carries be checked and redeemed.
 */
final class SealedAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "GARDIEN_SSO";
    static final String CALLBACK_PATH = "/login/oauth2/code/";
    static final String KEY_FILE = "oidc-sign-in.key";

    private static final byte[] PURPOSE = "gardien oidc authorization request v1".getBytes(StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What is sealed: the request's parts, enough to rebuild it, and when it stops being accepted. */
    record Sealed(
            String authorizationUri,
            String clientId,
            String redirectUri,
            Set<String> scopes,
            String state,
            Map<String, String> parameters,
            Map<String, String> attributes,
            long expiresAt) {}

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    SealedAuthorizationRequests(byte[] key, Duration lifetime, Clock clock) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the sign-in key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        var state = request.getParameter("state");
        if (state == null || request.getCookies() == null) {
            return null;
        }
        for (var cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                var sealed = open(cookie.getValue());
                if (sealed != null
                        && clock.instant().getEpochSecond() < sealed.expiresAt()
                        && MessageDigest.isEqual(
                                state.getBytes(StandardCharsets.UTF_8),
                                sealed.state().getBytes(StandardCharsets.UTF_8))) {
                    return rebuild(sealed);
                }
            }
        }
        return null;
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            clear(request, response);
            return;
        }
        var attributes = new LinkedHashMap<String, String>();
        authorizationRequest.getAttributes().forEach((k, v) -> attributes.put(k, String.valueOf(v)));
        var parameters = new LinkedHashMap<String, String>();
        authorizationRequest.getAdditionalParameters().forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        var sealed = new Sealed(
                authorizationRequest.getAuthorizationUri(),
                authorizationRequest.getClientId(),
                authorizationRequest.getRedirectUri(),
                authorizationRequest.getScopes(),
                authorizationRequest.getState(),
                parameters,
                attributes,
                clock.instant().plus(lifetime).getEpochSecond());
        write(request, response, seal(sealed), lifetime);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        var found = loadAuthorizationRequest(request);
        clear(request, response);
        return found;
    }

    private static OAuth2AuthorizationRequest rebuild(Sealed sealed) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(sealed.authorizationUri())
                .clientId(sealed.clientId())
                .redirectUri(sealed.redirectUri())
                .scopes(sealed.scopes())
                .state(sealed.state())
                .additionalParameters(Map.copyOf(sealed.parameters()))
                .attributes(Map.copyOf(sealed.attributes()))
                .build();
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", Duration.ZERO);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        var cookie = ResponseCookie.from(COOKIE, value)
                .path(request.getContextPath() + CALLBACK_PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    String seal(Sealed sealed) {
        try {
            var nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(PURPOSE);
            var bytes = cipher.doFinal(JSON.writeValueAsBytes(sealed));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(12 + bytes.length)
                            .put(nonce)
                            .put(bytes)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The sealed request, or null when the value was not sealed with this key (or was altered). */
    Sealed open(String value) {
        try {
            var bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length < 12 + 16) {
                return null;
            }
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(PURPOSE);
            return JSON.readValue(cipher.doFinal(bytes, 12, bytes.length - 12), Sealed.class);
        } catch (IllegalArgumentException | GeneralSecurityException | JacksonException e) {
            return null;
        }
    }
}
