package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The OpenID Connect authorization request kept in a sealed cookie of its own between the redirect to the provider and
 * its answer: readable only by Gardien, bound to its {@code state}, good for a few minutes, sent only to the callback.
 */
class SealedAuthorizationRequestsTest {

    private final Instant[] now = {Instant.parse("2026-12-03T10:00:00Z")};
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now[0];
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };
    private final SealedAuthorizationRequests requests =
            new SealedAuthorizationRequests(key(), Duration.ofMinutes(5), clock);

    private static byte[] key() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static OAuth2AuthorizationRequest request(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://idp.example.test/authorize")
                .clientId("gardien")
                .redirectUri("https://gardien.example.test/login/oauth2/code/corp")
                .scopes(Set.of("openid", "profile"))
                .state(state)
                .additionalParameters(Map.of("nonce", "nonce-hash", "code_challenge", "challenge"))
                .attributes(Map.of("registration_id", "corp", "nonce", "the-nonce", "code_verifier", "the-verifier"))
                .build();
    }

    /** The Set-Cookie header written when the request is saved. */
    private String save(SealedAuthorizationRequests store, OAuth2AuthorizationRequest request) {
        var response = new MockHttpServletResponse();
        store.saveAuthorizationRequest(
                request, new MockHttpServletRequest("GET", "/oauth2/authorization/corp"), response);
        return response.getHeader("Set-Cookie");
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static MockHttpServletRequest callback(String state, String cookie) {
        var request = new MockHttpServletRequest("GET", "/login/oauth2/code/corp");
        request.setParameter("state", state);
        request.setParameter("code", "code");
        if (cookie != null) {
            request.setCookies(new Cookie(SealedAuthorizationRequests.COOKIE, cookie));
        }
        return request;
    }

    @Test
    void theAnswerCarryingTheSameStateFindsTheRequestWithItsNonceAndVerifier() {
        var cookie = value(save(requests, request("state-1")));

        var found = requests.loadAuthorizationRequest(callback("state-1", cookie));

        assertThat(found).isNotNull();
        assertThat(found.getState()).isEqualTo("state-1");
        assertThat(found.getClientId()).isEqualTo("gardien");
        assertThat(found.getRedirectUri()).isEqualTo("https://gardien.example.test/login/oauth2/code/corp");
        assertThat(found.getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(found.<String>getAttribute("code_verifier")).isEqualTo("the-verifier");
        assertThat(found.<String>getAttribute("nonce")).isEqualTo("the-nonce");
        assertThat(found.getAttributes()).containsEntry("registration_id", "corp");
        assertThat(found.getAuthorizationRequestUri()).contains("code_challenge=challenge");
    }

    @Test
    void theCookieIsLaxHttpOnlyLimitedToTheCallbackAndShortLived() {
        var header = save(requests, request("state-1"));

        assertThat(header)
                .startsWith("GARDIEN_SSO=")
                .contains("Path=/login/oauth2/code/", "Max-Age=300", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void theCookieIsSecureBehindHttps() {
        var request = new MockHttpServletRequest("GET", "/oauth2/authorization/corp");
        request.setSecure(true);
        var response = new MockHttpServletResponse();

        requests.saveAuthorizationRequest(request("s"), request, response);

        assertThat(response.getHeader("Set-Cookie")).contains("Secure");
    }

    @Test
    void theVerifierAndNonceCannotBeReadFromTheCookie() {
        var cookie = value(save(requests, request("state-1")));

        var decoded = new String(Base64.getUrlDecoder().decode(cookie), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(decoded)
                .doesNotContain("the-verifier")
                .doesNotContain("the-nonce")
                .doesNotContain("state-1");
    }

    @Test
    void anAnswerWithAnotherStateFindsNothing() {
        var cookie = value(save(requests, request("state-1")));

        assertThat(requests.loadAuthorizationRequest(callback("state-2", cookie)))
                .isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-1", null))).isNull();
    }

    @Test
    void aRequestOlderThanTheSignInPeriodIsNoLongerFound() {
        var cookie = value(save(requests, request("state-1")));

        now[0] = now[0].plus(Duration.ofMinutes(4)).plusSeconds(59);
        assertThat(requests.loadAuthorizationRequest(callback("state-1", cookie)))
                .isNotNull();
        now[0] = now[0].plusSeconds(1);
        assertThat(requests.loadAuthorizationRequest(callback("state-1", cookie)))
                .isNull();
    }

    @Test
    void anAlteredCookieOrOneSealedWithAnotherKeyFindsNothing() {
        var cookie = value(save(requests, request("state-1")));
        var bytes = Base64.getUrlDecoder().decode(cookie);
        bytes[20] ^= 1;
        var altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var otherKey =
                value(save(new SealedAuthorizationRequests(key(), Duration.ofMinutes(5), clock), request("state-1")));

        assertThat(requests.loadAuthorizationRequest(callback("state-1", altered)))
                .isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-1", otherKey)))
                .isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-1", "not base64 !")))
                .isNull();
        assertThat(requests.loadAuthorizationRequest(callback("state-1", "AAAA")))
                .isNull();
    }

    @Test
    void removingTheRequestReturnsItAndClearsTheCookie() {
        var cookie = value(save(requests, request("state-1")));
        var response = new MockHttpServletResponse();

        var removed = requests.removeAuthorizationRequest(callback("state-1", cookie), response);

        assertThat(removed).isNotNull();
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("GARDIEN_SSO=;")
                .contains("Max-Age=0", "Path=/login/oauth2/code/");
    }
}
