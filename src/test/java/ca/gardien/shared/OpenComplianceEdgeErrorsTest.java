package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.support.RawHttp.Answer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attacker's finding: on the OpenCompliance paths ({@code /opencompliance/**}, {@code /opengdpr/**}) the errors Gardien
 * raises outside the module's controller — the security chains' 401 and 403, the container's 404 and 405, an address
 * Tomcat refuses (400) — were Gardien's French problem details, while an OpenCompliance client reads the
 * specification's {@code {"error":{"code","message","errors"}}} in English, as {@code application/json}. On a real
 * Tomcat, since MockMvc never reaches the container nor its error page.
 */
class OpenComplianceEdgeErrorsTest extends RealTomcatEdge {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void assertSpecified(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.header("Cache-Control")).containsExactly("no-store");
        var error = JSON.readTree(answer.body());
        assertThat(error.propertyNames()).containsExactly("error");
        assertThat(error.path("error").path("code").asInt()).isEqualTo(status);
        assertThat(error.path("error").path("message").asString()).isEqualTo(message);
        var detail = error.path("error").path("errors").get(0);
        assertThat(detail.path("domain").asString()).isEqualTo("Request");
        assertThat(detail.path("reason").asString()).isEqualTo(String.valueOf(status));
        assertThat(detail.path("message").asString()).isEqualTo(message);
        assertThat(answer.body()).doesNotContain("problem", "\"type\"", "Tomcat");
    }

    @Test
    void aMissingOrUnknownTokenIsRefusedInTheSpecificationsShapeWithItsChallenge() throws Exception {
        for (var path : List.of("/opencompliance/v1/opencompliance_requests", "/opengdpr/v1/opengdpr_requests")) {
            for (var token : List.<String>of("Accept-Language: fr", "Authorization: Bearer not-a-token")) {
                var answer = http.send(
                        "POST", path, List.of(token, "Content-Type: application/json", "Content-Length: 0"), null);
                assertSpecified(answer, 401, "Authentication is required: send Authorization: Bearer <token>.");
                assertThat(answer.header("WWW-Authenticate")).containsExactly("Bearer");
            }
        }
        // the API keeps its problem
        assertProblem(http.get("/api/v1/requests"), 401, "unauthenticated");
    }

    @Test
    void anAuditorSubmittingIsRefusedInTheSpecificationsShape() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        var answer = http.send(
                "POST",
                "/opencompliance/v1/opencompliance_requests",
                List.of(auditor, "Content-Type: application/json", "Content-Length: 2"),
                out -> out.write("{}".getBytes()));
        assertSpecified(answer, 403, "Your role does not allow this action.");
    }

    @Test
    void aMethodNotAllowedAndAnUnknownPathAreAnsweredInTheSpecificationsShape() throws Exception {
        for (var path : List.of("/opencompliance/v1/opencompliance_requests", "/opengdpr/v1/opencompliance_requests")) {
            var put = http.send("PUT", path, List.of(bearer, "Content-Length: 0"), null);
            assertSpecified(put, 405, "Method not allowed.");
            assertThat(put.header("Allow")).isNotEmpty();
        }
        for (var path : List.of("/opencompliance/v1/nothing-here", "/opengdpr/v2/opengdpr_requests")) {
            assertSpecified(http.get(path, bearer), 404, "Nothing is found at this address.");
        }
        assertProblem(http.get("/api/v1/nothing-here", bearer), 404, "not-found");
    }

    @Test
    void aMalformedAddressIsRefusedInTheSpecificationsShape() throws Exception {
        for (var path : List.of(
                "/opencompliance/v1/opencompliance_requests/%zz",
                "/opencompliance/v1/opencompliance_requests/a%2Fb", "/opengdpr/v1/opengdpr_requests/a%2Fb")) {
            assertSpecified(
                    http.get(path, bearer), 400, "The request is malformed (its address, query, headers or body).");
        }
        assertProblem(http.get("/api/v1/requests/%zz", bearer), 400, "malformed-request");
    }

    /** Every route also answers under /opengdpr/v1 with either resource name, as docs/opencompliance.md says. */
    @Test
    void everyRequestRouteAnswersUnderOpenGdprWithTheOpenComplianceResourceName() throws Exception {
        var id = UUID.randomUUID();
        for (var method : List.of("GET", "DELETE")) {
            var answer = http.send(method, "/opengdpr/v1/opencompliance_requests/" + id, List.of(bearer), null);
            // the controller's own not-found (this controller never sent the id), not the container's unknown path
            assertThat(answer.status()).as(method).isEqualTo(404);
            assertThat(JSON.readTree(answer.body())
                            .path("error")
                            .path("errors")
                            .get(0)
                            .path("reason")
                            .asString())
                    .isEqualTo("NotFound");
        }
    }
}
