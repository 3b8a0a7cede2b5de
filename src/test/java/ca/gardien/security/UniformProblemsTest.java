package ca.gardien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Attacker findings of issue 13: a problem's title follows the caller's language like its detail, and every 403 has
 * the same body whichever path was asked and whichever check refused it (it tells nothing about what exists).
 */
class UniformProblemsTest extends WebTestSupport {

    @Test
    void everyForbiddenAnswerHasTheSameBodyInTheCallersLanguage() throws Exception {
        var staff = bearer(Role.STAFF);
        var auditor = bearer(Role.AUDITOR);
        for (var language : new String[] {"fr-CA", "en-CA"}) {
            var byController = body(
                    mvc.perform(get("/api/v1/accounts").headers(auth(staff)).header("Accept-Language", language)));
            var byFilterExisting = body(mvc.perform(post("/api/v1/accounts")
                    .headers(auth(auditor))
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}")));
            var byFilterMissing = body(mvc.perform(post("/api/v1/no-such-thing/at-all")
                    .headers(auth(auditor))
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}")));
            assertThat(byController).isEqualTo(byFilterExisting).isEqualTo(byFilterMissing);
            assertThat(byController).doesNotContain("instance", "/api/v1");
            assertThat(byController)
                    .contains(language.startsWith("fr") ? "\"title\":\"Accès refusé\"" : "\"title\":\"Forbidden\"");
        }
    }

    @Test
    void aProblemTitleFollowsTheCallersLanguage() throws Exception {
        var officer = officerBearer();
        var french = body(mvc.perform(post("/api/v1/accounts")
                .headers(auth(officer))
                .header("Accept-Language", "fr-CA")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"\"}")));
        assertThat(french).contains("\"title\":\"Requête mal formée\"").doesNotContain("Bad Request");
        var english = body(mvc.perform(post("/api/v1/accounts")
                .headers(auth(officer))
                .header("Accept-Language", "en-CA")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"\"}")));
        assertThat(english).contains("\"title\":\"Bad request\"");
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        var response = result.andReturn().getResponse();
        assertThat(response.getStatus()).isIn(400, 403);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
