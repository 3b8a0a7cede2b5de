package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.RawHttp;
import ca.gardien.support.RawHttp.Answer;
import ca.gardien.support.WebTestSupport;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS proxy that says {@code X-Forwarded-Proto: https}, with a forward-headers strategy set: pages and API
 * answers carry HSTS and the session cookie is {@code Secure}, at first visit and after sign-in (when its id changes).
 * A request without the header stays plain HTTP. Run on a real Tomcat by one subclass per strategy.
 */
abstract class ForwardedHttps {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String HTTPS = "X-Forwarded-Proto: https";

    @LocalServerPort
    int port;

    private static List<String> sessionCookies(Answer answer) {
        return answer.header("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .toList();
    }

    @Test
    void aForwardedHttpsPageHasHstsAndASecureSessionCookie() throws Exception {
        var answer = new RawHttp(port).get("/login", HTTPS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Strict-Transport-Security"))
                .singleElement()
                .satisfies(h -> assertThat(h).startsWith("max-age=").contains("includeSubDomains"));
        assertThat(sessionCookies(answer))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("; Secure").contains("HttpOnly"));
    }

    @Test
    void theCookieOfTheSignedInSessionIsSecureToo() throws Exception {
        var http = new RawHttp(port);
        var page = http.get("/login", HTTPS);
        var cookie = sessionCookies(page).get(0).split(";")[0];
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var form = "username=" + WebTestSupport.OFFICER + "&password=" + WebTestSupport.OFFICER_PASSWORD + "&_csrf="
                + csrf.group(1);

        var signedIn = http.send(
                "POST",
                "/login",
                List.of(
                        HTTPS,
                        "Cookie: " + cookie,
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + form.length()),
                out -> out.write(form.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        // 303 where the forwarded headers' filter writes relative redirects (server.tomcat.use-relative-redirects):
        // See Other, as a redirect after a POST is
        assertThat(signedIn.status()).isIn(302, 303);
        assertThat(signedIn.header("Location"))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith("/console"));
        assertThat(sessionCookies(signedIn))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("; Secure"));
    }

    @Test
    void apiAnswersOverForwardedHttpsHaveHsts() throws Exception {
        var answer = new RawHttp(port).get("/api/v1/accounts", HTTPS);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Strict-Transport-Security")).isNotEmpty();
    }

    @Test
    void plainHttpStaysPlain() throws Exception {
        var answer = new RawHttp(port).get("/login");

        assertThat(answer.header("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookies(answer)).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));
    }
}
