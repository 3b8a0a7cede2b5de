package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacker's probe of the API's paths: {@code /API/V1/…} (or any other case) was sent to the sign-in page (302) as a
 * page would be, even with a bearer token, where a lower-case unknown path answers 401 or 404 problems; and the OpenAPI
 * document with a trailing slash was an HTML page. Both are problems now, as any unknown path of the API.
 */
class ApiPathOdditiesTest extends RealTomcatEdge {

    @Test
    void anApiPathInAnotherCaseIsANotFoundProblemWhoeverAsks() throws Exception {
        for (var path :
                List.of("/API/V1/organization", "/Api/v1/requests", "/API/v1/requests?q=a", "/OPENCOMPLIANCE/x")) {
            assertProblem(http.get(path), 404, "not-found");
            assertProblem(http.get(path, bearer), 404, "not-found");
            assertProblem(http.get(path, "Accept: text/html"), 404, "not-found");
        }
        var json = "{}".getBytes(StandardCharsets.UTF_8);
        assertProblem(
                http.send(
                        "POST",
                        "/API/V1/requests",
                        List.of(bearer, "Content-Type: application/json", "Content-Length: " + json.length),
                        out -> out.write(json)),
                404,
                "not-found");
        // percent-encoded letters are the same path once decoded, as the security chains read it (attacker's probe)
        for (var path :
                List.of("/%41PI/v1/requests", "/%41%50%49/V1/organization", "/V3/API-DOCS", "/%56%33/api-docs")) {
            assertProblem(http.get(path), 404, "not-found");
            assertProblem(http.get(path, "Accept: text/html"), 404, "not-found");
        }
        assertProblem(http.get("/%61pi/v1/requests"), 401, "unauthenticated");
        assertThat(http.get("/%76%33/api-docs").status()).isEqualTo(200);
        assertThat(http.get("/API/V1/organization", "Accept-Language: en").body())
                .contains("\"title\":\"Not found\"");

        // as before: the lower-case paths
        assertThat(http.get("/api/v1/requests?q=a", bearer).status()).isEqualTo(200);
        assertProblem(http.get("/api/v1/nope"), 401, "unauthenticated");
        assertProblem(http.get("/api/v1/nope", bearer), 404, "not-found");
    }

    @Test
    void theOpenApiDocumentWithATrailingSlashIsANotFoundProblem() throws Exception {
        assertProblem(http.get("/v3/api-docs/"), 404, "not-found");
        assertProblem(http.get("/v3/api-docs/", "Accept: text/html"), 404, "not-found");
        assertProblem(http.get("/v3/api-docs/nope", "Accept: text/html"), 404, "not-found");
        assertProblem(http.get("/V3/API-DOCS.yaml"), 404, "not-found");
        var yaml = http.get("/v3/api-docs.yaml");
        assertThat(yaml.status())
                .as("the same document in YAML, served as the JSON one is")
                .isEqualTo(200);
        assertThat(yaml.body()).contains("openapi:");
        var document = http.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
    }

    /** Attacker's review (2026-12-07): a path the firewall refuses answered 400 without the protective headers. */
    @Test
    void aPathTheFirewallRefusesAnswersWithTheProtectiveHeaders() throws Exception {
        for (var path : List.of("/requests/download/%2e%2e", "/privacy/%2F..%2Fconsole")) {
            var answer = http.get(path, "Accept: text/html");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Security-Policy"))
                    .singleElement()
                    .asString()
                    .contains("frame-ancestors");
            assertThat(answer.header("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(answer.header("X-Frame-Options")).containsExactly("DENY");
            assertThat(answer.header("Cache-Control"))
                    .singleElement()
                    .asString()
                    .contains("no-store");
            assertThat(answer.body()).doesNotContain("Exception", "Tomcat");
        }
    }
}
