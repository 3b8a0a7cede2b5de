package ca.gardien.organization;

import ca.gardien.support.WebTestSupport;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gardien on a random port with single sign-on through a real OpenID Connect server (NAV's mock-oauth2-server, from
 * Maven Central) started once for the test run, with its sign-in page: the person types their subject there and
 * submits, so that the way back to Gardien is a navigation the provider's page starts (as with a real provider, where
 * the person types a password). Gardien is reached at {@code http://localhost:<port>}; the provider
 * {@code corp} at {@code http://127.0.0.1:<idp>/corp} (another site, as for SameSite) and {@code local} at {@code
 * http://localhost:<idp>/local} (the same site). Three more registrations break one thing each: {@code mismatch} gets
 * tokens from another issuer, {@code badsig} checks signatures with another issuer's keys, and {@code down} redeems
 * codes at a port where nothing listens. Roles come from Keycloak's nested {@code realm_access.roles}; two values are
 * mapped, by the single-string environment form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SingleSignOnSupport extends WebTestSupport {

    static final String CLIENT_ID = "gardien-test";
    static final String OFFICERS = "privacy-office";
    static final String AUDITORS = "auditors";

    static final MockOAuth2Server IDP = start();
    static final String CROSS_SITE = "http://127.0.0.1:" + IDP.baseUrl().port();
    static final String SAME_SITE = "http://localhost:" + IDP.baseUrl().port();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Who signs in next at each issuer of the provider: set by each test, read at the code redemption. */
    private static final Map<String, IdpPerson> NEXT = new ConcurrentHashMap<>();

    private static MockOAuth2Server start() {
        var people = Set.<OAuth2TokenCallback>of(new People("corp"), new People("local"), new People("other"));
        var server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), people));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        register(properties, "corp", CROSS_SITE + "/corp", "Corp ID");
        register(properties, "local", SAME_SITE + "/local", "Local ID");
        register(properties, "mismatch", CROSS_SITE + "/corp", "Mismatch ID");
        properties.add(provider("mismatch", "token-uri"), () -> CROSS_SITE + "/other/token");
        properties.add(provider("mismatch", "jwk-set-uri"), () -> CROSS_SITE + "/other/jwks");
        register(properties, "badsig", CROSS_SITE + "/corp", "Bad signature ID");
        properties.add(provider("badsig", "jwk-set-uri"), () -> CROSS_SITE + "/other/jwks");
        register(properties, "down", CROSS_SITE + "/corp", "Down ID");
        properties.add(provider("down", "token-uri"), () -> "http://127.0.0.1:" + closedPort() + "/token");
        properties.add("gardien.organization.oidc.roles-claim", () -> "realm_access.roles");
        properties.add(
                "gardien.organization.oidc.role-mappings",
                () -> OFFICERS + "=PRIVACY_OFFICER," + AUDITORS + "=AUDITOR");
    }

    private static void register(DynamicPropertyRegistry properties, String id, String issuer, String name) {
        var registration = "spring.security.oauth2.client.registration." + id + ".";
        properties.add(registration + "client-id", () -> CLIENT_ID);
        properties.add(registration + "client-secret", () -> "client-secret-" + id);
        properties.add(registration + "client-name", () -> name);
        properties.add(registration + "scope", () -> "openid,profile");
        properties.add(provider(id, "issuer-uri"), () -> issuer);
    }

    private static String provider(String id, String key) {
        return "spring.security.oauth2.client.provider." + id + "." + key;
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Someone the provider knows: a subject, the username it suggests, and their Keycloak realm roles. */
    record IdpPerson(String subject, String preferredUsername, List<String> realmRoles) {

        static IdpPerson of(String... realmRoles) {
            var id = UUID.randomUUID().toString();
            return new IdpPerson(id, "sso-" + id.substring(0, 8) + "@example.test", List.of(realmRoles));
        }

        IdpPerson withRoles(String... roles) {
            return new IdpPerson(subject, preferredUsername, List.of(roles));
        }
    }

    /**
     * The roles and username the provider vouches for at its next code redemption on {@code issuerId} (the path of its
     * token endpoint); the subject is what the person types on the provider's sign-in page. A setting, not a queue: a
     * flow that fails before the redemption leaves nothing behind for the next.
     */
    static void nextSignIn(String issuerId, IdpPerson person) {
        NEXT.put(issuerId, person);
    }

    /** Issues tokens for whoever {@link #nextSignIn} named on one issuer, with Keycloak's claim shape. */
    private record People(String issuerId) implements OAuth2TokenCallback {

        private IdpPerson next() {
            var person = NEXT.get(issuerId);
            if (person == null) {
                throw new IllegalStateException("no one is signing in at " + issuerId);
            }
            return person;
        }

        @Override
        public String subject(TokenRequest request) {
            return next().subject();
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of(CLIENT_ID);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            var person = next();
            var claims = new HashMap<String, Object>();
            claims.put("preferred_username", person.preferredUsername());
            claims.put("name", "Personne Synthétique");
            claims.put("realm_access", Map.of("roles", person.realmRoles()));
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return 3600;
        }
    }

    String gardien() {
        return "http://localhost:" + port;
    }

    /** The account linked to this person at the provider, if any. */
    java.util.Optional<UUID> linkedAccount(String issuer, IdpPerson person) {
        return jdbc.sql("SELECT account_id FROM account_oidc_subject WHERE issuer = ? AND subject = ?")
                .params(issuer, person.subject())
                .query(UUID.class)
                .optional();
    }

    /** The next request the provider received whose path contains {@code part} (earlier ones are dropped). */
    static RecordedRequest providerRequest(String part) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var request = IDP.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request.getPath() != null && request.getPath().contains(part)) {
                return request;
            }
        }
        throw new IllegalStateException("the provider received no request to " + part);
    }
}
