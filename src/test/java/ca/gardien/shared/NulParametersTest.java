package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacker's probe: a {@code %00} in a parameter was taken, and Spring's conversions trimmed it away without a word
 * (an id, a yes-or-no, a list's items and a console form's optional fields are read with {@code String.trim()}); in a
 * path it was already refused. A NUL in a parameter's name or value, of the query or of a form, is now refused at the
 * edge in the error contract: a problem for the API, the Gardien page for a browser.
 */
class NulParametersTest extends RealTomcatEdge {

    @Test
    void aNulInAQueryParameterIsAProblemForTheApiInTheCallersLanguage() throws Exception {
        var answer = http.get("/api/v1/requests?q=a%00", bearer);
        assertProblem(answer, 400, "malformed-request");
        assertThat(answer.body()).contains("caractère nul (%00)");
        assertProblem(http.get("/api/v1/requests?%00q=a", bearer), 400, "malformed-request");
        assertThat(http.get("/api/v1/requests?q=a%00", bearer, "Accept-Language: en")
                        .body())
                .contains("holds a null character (%00)");
        assertThat(http.get("/api/v1/requests?q=a", bearer).status()).isEqualTo(200);
    }

    @Test
    void aNulInAPagesQueryOrFormIsTheGardienPage() throws Exception {
        var page = http.get("/privacy?lang=en%00", "Accept: text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("caractère nul (%00)", "/css/gardien.css")
                .doesNotContain("Tomcat");

        var form = "username=officer%00&password=x".getBytes(StandardCharsets.ISO_8859_1);
        var posted = http.send(
                "POST",
                "/login",
                List.of(
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + form.length,
                        "Accept: text/html"),
                out -> out.write(form));
        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("caractère nul (%00)");
    }

    @Test
    void aNulInThePathIsStillRefused() throws Exception {
        assertProblem(http.get("/api/v1/requests/%00", bearer), 400, "malformed-request");
        assertThat(http.get("/privacy%00", "Accept: text/html").status()).isEqualTo(400);
    }
}
