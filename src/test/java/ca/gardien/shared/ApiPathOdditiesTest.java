package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Attacker's probe of the API's paths: the OpenAPI document with a trailing slash (or an unknown group of it) was an
 * HTML page; it is a problem now, as any unknown path of the API.
 */
class ApiPathOdditiesTest extends RealTomcatEdge {

    @Test
    void theOpenApiDocumentWithATrailingSlashIsANotFoundProblem() throws Exception {
        assertProblem(http.get("/v3/api-docs/"), 404, "not-found");
        assertProblem(http.get("/v3/api-docs/", "Accept: text/html"), 404, "not-found");
        assertProblem(http.get("/v3/api-docs/nope", "Accept: text/html"), 404, "not-found");
        var document = http.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
    }
}
