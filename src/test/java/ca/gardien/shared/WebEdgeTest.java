package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.RawHttp;
import ca.gardien.support.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge on a real Tomcat (MockMvc never reaches the container): body caps before anything reads the body, and
 * every refusal, the container's included, in the error contract - a problem for the API, the Gardien page for a
 * browser, never Tomcat's page nor Spring Boot's JSON. Without {@code server.forward-headers-strategy}, a forged
 * {@code X-Forwarded-Proto} changes nothing.
 */
class WebEdgeTest extends RealTomcatEdge {

    private static final int MB = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void assertGardienPage(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body())
                .contains("Une erreur est survenue")
                .contains("/css/gardien.css")
                .doesNotContain("HTTP Status")
                .doesNotContain("Tomcat");
    }

    @Test
    void refusesATenMegabyteYamlBodyBeforeReadingIt() throws Exception {
        long start = System.nanoTime();

        var answer = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(bearer, "Content-Type: application/yaml", "Content-Length: " + 10 * MB),
                RawHttp.fixed(10 * MB, (byte) '#'));

        assertProblem(answer, 413, "payload-too-large");
        assertThat(answer.body()).contains("\"limit\":" + MB).contains("1 MB");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * Attacker's finding: an OpenCompliance controller reads errors in the specification's shape, which the edge's 413
     * was not (a problem); every other path keeps the problem, and the chunked refusal takes the same shape.
     */
    @Test
    void refusesAnOversizedOpenComplianceBodyInTheSpecificationsErrorShapeAndOtherPathsWithAProblem() throws Exception {
        for (var path : List.of("/opencompliance/v1/opencompliance_requests", "/opengdpr/v1/opengdpr_requests")) {
            for (var answer : List.of(oversizedJson(path, false), oversizedJson(path, true))) {
                assertThat(answer.status()).isEqualTo(413);
                assertThat(answer.contentType()).isEqualTo("application/json");
                assertThat(answer.header("Cache-Control")).containsExactly("no-store");
                var error = JSON.readTree(answer.body());
                assertThat(error.propertyNames()).containsExactly("error");
                assertThat(error.path("error").path("code").asInt()).isEqualTo(413);
                assertThat(error.path("error").path("message").asString())
                        .isEqualTo("The request body is larger than the limit of 1 MB.");
                var detail = error.path("error").path("errors").get(0);
                assertThat(detail.path("domain").asString()).isEqualTo("Request");
                assertThat(detail.path("reason").asString()).isEqualTo("413");
                assertThat(detail.path("message").asString())
                        .isEqualTo("The request body is larger than the limit of 1 MB.");
            }
        }
        var api = oversizedJson("/api/v1/requests", false);
        assertProblem(api, 413, "payload-too-large");
        assertThat(api.body()).doesNotContain("\"error\"");
    }

    /** A JSON body of 2 MB, its length declared or chunked. */
    private Answer oversizedJson(String path, boolean chunked) throws Exception {
        return http.send(
                "POST",
                path,
                List.of(
                        bearer,
                        "Content-Type: application/json",
                        chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + 2 * MB),
                chunked ? RawHttp.chunked(2 * MB, (byte) ' ') : RawHttp.fixed(2 * MB, (byte) ' '));
    }

    @Test
    void refusesAChunkedBodyOnceItGoesBeyondTheCap() throws Exception {
        var answer = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(bearer, "Content-Type: application/yaml", "Transfer-Encoding: chunked"),
                RawHttp.chunked(2 * MB, (byte) '#'));

        assertProblem(answer, 413, "payload-too-large");
    }

    @Test
    void readsAChunkedBodyWithinTheCap() throws Exception {
        var yaml = "systems: []\n".getBytes(StandardCharsets.UTF_8);
        var answer = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(bearer, "Content-Type: application/yaml", "Transfer-Encoding: chunked"),
                out -> {
                    out.write((Integer.toHexString(yaml.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(yaml);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                });

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("changes");
    }

    @Test
    void refusesAMultipartBodyOverTheUploadCapWithAProblem() throws Exception {
        var answer = http.send(
                "POST",
                "/api/v1/requests/officer-entry",
                List.of(bearer, "Content-Type: multipart/form-data; boundary=x", "Content-Length: " + 13 * MB),
                RawHttp.fixed(13 * MB, (byte) 'x'));

        assertProblem(answer, 413, "payload-too-large");
        assertThat(answer.body()).contains("\"limit\":" + 12 * MB).contains("12 MB");
    }

    @Test
    void refusesAFileOverTheMultipartFileSizeWithAProblem() throws Exception {
        var head = ("--x\r\nContent-Disposition: form-data; name=\"letter\"; filename=\"letter.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var tail = "\r\n--x--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        long file = 11 * MB + MB / 2; // over spring.servlet.multipart.max-file-size (11 MB), within the 12 MB cap

        var answer = http.send(
                "POST",
                "/api/v1/requests/officer-entry",
                List.of(
                        bearer,
                        "Content-Type: multipart/form-data; boundary=x",
                        "Content-Length: " + (head.length + file + tail.length)),
                out -> {
                    out.write(head);
                    RawHttp.fixed(file, (byte) '%').write(out);
                    out.write(tail);
                });

        assertProblem(answer, 413, "payload-too-large");
    }

    @Test
    void refusesAMultipartBodyOverTheDefaultCapElsewhere() throws Exception {
        var answer = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(bearer, "Content-Type: multipart/form-data; boundary=x", "Content-Length: " + 2 * MB),
                RawHttp.fixed(2 * MB, (byte) 'x'));

        assertProblem(answer, 413, "payload-too-large");
    }

    @Test
    void asksAChunkedMultipartBodyForItsLength() throws Exception {
        var answer = http.send(
                "POST",
                "/api/v1/requests/officer-entry",
                List.of(bearer, "Content-Type: multipart/form-data; boundary=x", "Transfer-Encoding: chunked"),
                RawHttp.chunked(64 * 1024, (byte) 'x'));

        assertProblem(answer, 411, "http-411");
    }

    @Test
    void showsTheErrorPageNamingTheLimitToABrowserPostingTooMuch() throws Exception {
        var answer = http.send(
                "POST",
                "/privacy/requests",
                List.of(
                        "Accept: text/html",
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + 2 * MB),
                RawHttp.fixed(2 * MB, (byte) 'a'));

        assertGardienPage(answer, 413);
        assertThat(answer.body()).contains("1 MB");
    }

    @Test
    void speaksTheCallersLanguageInTheContainersProblems() throws Exception {
        var french = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(bearer, "Content-Type: application/yaml", "Content-Length: " + 2 * MB),
                RawHttp.fixed(2 * MB, (byte) '#'));
        var english = http.send(
                "POST",
                "/api/v1/inventory/plan",
                List.of(
                        bearer,
                        "Accept-Language: en-CA",
                        "Content-Type: application/yaml",
                        "Content-Length: " + 2 * MB),
                RawHttp.fixed(2 * MB, (byte) '#'));

        assertProblem(french, 413, "payload-too-large");
        assertThat(french.body()).contains("Corps trop volumineux").contains("dépasse la limite de 1 MB");
        assertProblem(english, 413, "payload-too-large");
        assertThat(english.body()).contains("Body too large").contains("larger than the limit of 1 MB");
        assertThat(http.get("/api/v1/requests/a%2Fb", bearer, "Accept-Language: en")
                        .body())
                .contains("Bad request")
                .contains("The request is malformed");
        assertThat(http.get("/api/v1/requests/a%2Fb", bearer).body())
                .contains("Requête mal formée")
                .contains("La requête est mal formée");
    }

    @Test
    void answersAnEncodedSlashWithAProblemOrTheGardienPage() throws Exception {
        assertProblem(http.get("/api/v1/requests/a%2Fb", bearer), 400, "malformed-request");
        assertGardienPage(http.get("/privacy/a%2Fb", "Accept: text/html"), 400);
        assertProblem(http.get("/privacy/a%2Fb", "Accept: application/json"), 400, "malformed-request");
    }

    /** The error page asked for by its own address is no page: a 404, not a 500 that a probe would count as a fault. */
    @Test
    void answersTheErrorPathAskedForDirectlyAsNotFound() throws Exception {
        assertProblem(http.get("/error", "Accept: application/json"), 404, "not-found");
        var page = http.get("/error", "Accept: text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable").doesNotContain("Tomcat");
        assertProblem(http.get("/error", bearer, "Accept: application/problem+json"), 404, "not-found");
    }

    /**
     * Attacker's review: a header value with a C1 control byte (0x85), refused by the firewall only when read, was a 500
     * and an ERROR line, without signing in (the banner's user agent, a connector callback's signature, If-Match).
     */
    @Test
    void aHeaderValueWithAControlByteIsAMalformedRequestNotAnError() throws Exception {
        var choices = "{\"visitor\":\"v-1234567890abcdef\",\"choices\":{\"statistics\":true},\"language\":\"fr\"}";
        for (var call : List.of(
                List.of("/connectors/callbacks/" + UUID.randomUUID(), "{}", "X-Gardien-Signature: \u0085"),
                List.of("/consent/choices", choices, "User-Agent: x\u0085"))) {
            var body = call.get(1).getBytes(StandardCharsets.US_ASCII);
            var headers = List.of("Content-Type: application/json", "Content-Length: " + body.length, call.get(2));
            assertProblem(http.send("POST", call.get(0), headers, out -> out.write(body)), 400, "malformed-request");
        }
    }

    /**
     * Officer's walk: a portal form posted after its session expired (or after a sign-in in another tab) told the person
     * their role did not allow the page; it says the page expired and nothing was sent, with a way back to the form's
     * page (the {@code Referer}'s path only: never another host).
     */
    @Test
    void aFormPostedWithAnExpiredTokenSaysThePageExpiredAndLeadsBackToTheForm() throws Exception {
        for (var referer :
                List.of("http://localhost/privacy/requests/new?lang=fr", "https://evil.test/privacy/requests/new")) {
            var page = postedWithAStaleToken(referer);
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body())
                    .as("the session id travels in its cookie, never in a link")
                    .doesNotContain("jsessionid")
                    .contains("Page expirée", "Rien n’a été envoyé")
                    .contains("id=\"error-back\" href=\"/privacy/requests/new\"")
                    .doesNotContain("Votre rôle", "evil.test");
        }
        for (var hostile :
                List.of("javascript:alert(1)", "http://localhost/a/../b", "not an address", "/%2F%2Fevil.test")) {
            assertThat(postedWithAStaleToken(hostile).body())
                    .as(hostile)
                    .contains("Page expirée")
                    .doesNotContain("id=\"error-back\"");
        }
    }

    /** The portal's request form posted by a browser with a token of no session, from the page {@code referer}. */
    private Answer postedWithAStaleToken(String referer) throws Exception {
        var body = "_csrf=stale&details=Mon+dossier".getBytes(StandardCharsets.US_ASCII);
        return http.send(
                "POST",
                "/privacy/requests",
                List.of(
                        "Accept: text/html",
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + body.length,
                        "Referer: " + referer),
                out -> out.write(body));
    }

    /** Attacker's review: a redirect's address was built from the Host header ({@code Host: evil.example}). */
    @Test
    void aRedirectSaysAPathNotAnAddressBuiltFromTheHostHeader() throws Exception {
        var answer = http.get("/locale?lang=en&return=/privacy");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).containsExactly("/privacy");
    }

    /** Review: the container's error page switched language back to {@code /error}, not to the page asked for. */
    @Test
    void theContainersErrorPageSwitchesLanguageBackToThePageAskedFor() throws Exception {
        var page = http.get("/privacy/no-such-page", "Accept: text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("return=/privacy/no-such-page\"").doesNotContain("return=/error");
    }

    @Test
    void answersOtherMalformedAddressesWithAProblem() throws Exception {
        assertProblem(http.get("/api/v1/requests/%zz", bearer), 400, "malformed-request");
        assertProblem(http.get("/api/v1/requests/a|b", bearer), 400, "malformed-request");
        assertProblem(http.get("/api/v1/requests;jsessionid=x", bearer), 400, "malformed-request");
        assertProblem(http.get("/api//v1/requests", bearer), 400, "malformed-request");
    }

    /** The attacker's review of 2026-12-04: these were 500s with a stack trace in the log, before any abuse limit. */
    @Test
    void answersAQueryOrBodyTheContainerCannotParseWithAProblemOrThePage() throws Exception {
        var cutShort = "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nAAAA"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(
                http.send(
                        "POST",
                        "/consent/choices",
                        List.of(
                                "Content-Type: multipart/form-data; boundary=X",
                                "Content-Length: " + cutShort.length,
                                "Accept: application/json"),
                        out -> out.write(cutShort)),
                400,
                "malformed-request");
        var badEscape = "%zz=1".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(
                http.send(
                        "POST",
                        "/consent/choices",
                        List.of(
                                "Content-Type: application/x-www-form-urlencoded",
                                "Content-Length: " + badEscape.length,
                                "Accept: application/json"),
                        out -> out.write(badEscape)),
                400,
                "malformed-request");
        assertProblem(http.get("/privacy/policy.json?%zz=1", "Accept: application/json"), 400, "malformed-request");
        assertProblem(http.get("/api/v1/requests?%zz=1", bearer), 400, "malformed-request");
        assertGardienPage(http.get("/privacy?%zz=1", "Accept: text/html"), 400);
    }

    @Test
    void answersAHundredKilobyteQueryOrHeaderWithAProblem() throws Exception {
        assertProblem(http.get("/api/v1/requests?q=" + "a".repeat(100_000), bearer), 400, "malformed-request");
        assertProblem(
                http.get("/api/v1/requests", bearer, "X-Padding: " + "a".repeat(100_000)), 400, "malformed-request");
    }

    @Test
    void answersABadIdOnAPortalPageWithThePageOrAProblem() throws Exception {
        var page = http.get("/privacy/requests/xyz/code", "Accept: text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body())
                .as("a value of the address that is not valid says so, not 'try again' (attacker's probe)")
                .contains("Adresse ou formulaire non valide")
                .contains("/css/gardien.css")
                .doesNotContain("Réessayez dans un instant")
                .doesNotContain("Tomcat");
        assertProblem(http.get("/privacy/requests/xyz/code", "Accept: application/json"), 400, "malformed-request");
    }

    /**
     * A form's address opened by GET (a reload, Back, the address typed) says it cannot be opened directly and leads
     * back to the page the browser came from, not "code 405, try again in a moment" (officer's walk).
     */
    @Test
    void aFormsAddressOpenedDirectlySaysItCannotBeOpenedSoAndLeadsBackToItsPage() throws Exception {
        var id = UUID.randomUUID();
        var form = "/privacy/requests/" + id + "/code";
        var page = http.get(form + "/resend", "Accept: text/html", "Referer: http://gardien.example" + form);
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Cette adresse ne s’ouvre pas directement")
                .contains("Rien n’a été envoyé ni modifié")
                .contains("id=\"error-back\" href=\"" + form + "\"")
                .contains("/css/gardien.css")
                .doesNotContain("Réessayez dans un instant", "code 405", "Tomcat");
        // without a page to come from, still no passing problem; the API keeps its problem
        assertThat(http.get(form + "/resend", "Accept: text/html").body())
                .contains("Cette adresse ne s’ouvre pas directement")
                .doesNotContain("error-back", "Réessayez dans un instant");
        assertProblem(http.get("/api/v1/retention/runs/" + id + "/pause", bearer), 405, "method-not-allowed");
    }

    @Test
    void aForgedForwardedProtoChangesNothingWithoutAForwardHeadersStrategy() throws Exception {
        var answer = http.get("/login", "X-Forwarded-Proto: https");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Strict-Transport-Security")).isEmpty();
        assertThat(answer.header("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));
    }
}
