package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rated risk is changed or removed while the assessment is written, never after approval (officer's review: a wrong
 * level stayed in the approved report); the page says how many required answers are missing before the review, and
 * an answer that undoes a review says so.
 */
class RiskEditsTest extends AssessmentTestSupport {

    private static final String RISK = """
            {"description":"Accès par un tiers","likelihood":3,"severity":3,"residualLikelihood":2,"residualSeverity":2}""";

    private String riskOf(String id) throws Exception {
        var body = send("POST", officerBearer(), "/api/v1/assessments/" + id + "/risks", RISK)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<java.util.List<String>>read(body, "$.risks[*].id").getLast();
    }

    @Test
    void aRiskIsChangedOrRemovedWhileWrittenWithTheEarlierRatingInTheLedgerAndRefusedOnceApproved() throws Exception {
        var id = start();
        var risk = riskOf(id);
        var path = "/api/v1/assessments/" + id + "/risks/" + risk;

        send("PUT", officerBearer(), path, """
                        {"description":"Accès par un sous-traitant","likelihood":1,"severity":2,
                         "residualLikelihood":1,"residualSeverity":1}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.risks[0].description").value("Accès par un sous-traitant"))
                .andExpect(jsonPath("$.risks[0].likelihood").value(1));
        var changed = awaitLedgerEntry("assessments.risk-changed", id);
        assertThat(String.valueOf(changed.get("payload")))
                .contains("\"scoreBefore\":\"9\"")
                .contains("\"score\":\"2\"")
                .doesNotContain("sous-traitant");

        send("PUT", officerBearer(), path, "{\"description\":\"\",\"likelihood\":9}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.hasItems("description", "likelihood", "severity")));
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/risks/" + UUID.randomUUID(), RISK)
                .andExpect(problem(404, "not-found"));
        send("DELETE", bearer(Role.AUDITOR), path, "").andExpect(problem(403, "forbidden"));
        send("PUT", bearer(Role.AUDITOR), path, RISK).andExpect(problem(403, "forbidden"));

        send("DELETE", officerBearer(), path, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.risks").isEmpty());
        awaitLedgerEntry("assessments.risk-removed", id);
        send("DELETE", officerBearer(), path, "").andExpect(problem(404, "not-found"));

        var kept = riskOf(id);
        var officer = person(Role.PRIVACY_OFFICER);
        approve(id, officerBearer(), officer.id());
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/risks/" + kept, RISK)
                .andExpect(problem(409, "conflict"));
        send("DELETE", officerBearer(), "/api/v1/assessments/" + id + "/risks/" + kept, "")
                .andExpect(problem(409, "conflict"));
    }

    /**
     * Attacker's review (2026-12-07): a risk changed on a rejected assessment sent it back to be reviewed but left the
     * rejection's decision on it — "consulted" and "rejected, residual risk too high" at once.
     */
    @Test
    void aRiskChangedAfterARejectionSendsItBackToBeReviewedShowingTheRejectionAsThePreviousDecision() throws Exception {
        var id = start();
        var risk = riskOf(id);
        var reviewer = person(Role.PRIVACY_OFFICER);
        var bearer = officerBearer();
        reviewed(id, bearer, reviewer.id());
        send("POST", bearer, "/api/v1/assessments/" + id + "/decision", """
                {"decision":"reject","reasons":"Risque résiduel trop élevé."}""")
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decision.note").value("Risque résiduel trop élevé."));

        send("PUT", bearer, "/api/v1/assessments/" + id + "/risks/" + risk, RISK.replace(":3", ":2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONSULTED"))
                .andExpect(jsonPath("$.decision").doesNotExist())
                .andExpect(jsonPath("$.review").doesNotExist())
                // reviewers: the rejection was wiped, kept only in the ledger; who, when and why stay visible
                .andExpect(jsonPath("$.previousDecision.note").value("Risque résiduel trop élevé."))
                .andExpect(jsonPath("$.previousDecision.on").isString())
                .andExpect(jsonPath("$.previousDecision.by").isString());
        awaitLedgerEntry("assessments.rejected", id);
        var page = mvc.perform(get("/console/assessments/" + id).session(login(OFFICER, OFFICER_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"previous-decision\""))).contains("Risque résiduel trop élevé.");
        var report = mvc.perform(get("/api/v1/assessments/" + id + "/report")
                        .param("lang", "en")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains("Previous rejection", "Risque résiduel trop élevé.");
    }

    @Test
    void theConsoleChangesARiskKeepsARefusedChangeOpenAndAsksBeforeRemovingOrApproving() throws Exception {
        var id = start();
        var risk = riskOf(id);
        var page = "/console/assessments/" + id;
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());

        var html = mvc.perform(get(page + "?lang=fr").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("action=\"" + page + "/risks/" + risk + "\"")
                .contains("data-confirm=\"Retirer ce risque de l’évaluation\u202f?")
                .containsPattern("questions? obligatoires? rest");

        var refused = mvc.perform(post(page + "/risks/" + risk)
                        .session(session)
                        .with(csrf())
                        .param("description", "Typo corrigée")
                        .param("likelihood", "2")
                        .param("severity", "")
                        .param("residualLikelihood", "1")
                        .param("residualSeverity", "1"))
                .andExpect(redirectedUrl(page))
                .andReturn();
        var shown = mvc.perform(get(page).session(session).flashAttrs(refused.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown)
                .contains("<details open")
                .contains("id=\"edit-severity-error\"")
                .contains("value=\"Typo corrigée\"")
                // the levels come back as typed, not reset to the first (officer's review: saved as 1 × 1)
                .containsPattern("id=\"edit-likelihood\"[^>]*>\\s*<option value=\"1\">[^<]*</option>\\s*"
                        + "<option value=\"2\" selected=\"selected\"");

        mvc.perform(post(page + "/risks/" + risk)
                        .session(session)
                        .with(csrf())
                        .param("description", "Typo corrigée")
                        .param("likelihood", "2")
                        .param("severity", "2")
                        .param("residualLikelihood", "1")
                        .param("residualSeverity", "1"))
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.startsWith("Risque modifié")));
        mvc.perform(post(page + "/risks/" + risk + "/remove").session(session).with(csrf()))
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.startsWith("Risque retiré")));
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.risks").isEmpty());
    }

    @Test
    void anAnswerThatChangesAReviewedAssessmentSaysTheReviewIsToBeDoneAgain() throws Exception {
        var id = start();
        var officer = person(Role.PRIVACY_OFFICER);
        answerRequired(id, officerBearer());
        send(
                        "PUT",
                        officerBearer(),
                        "/api/v1/assessments/" + id + "/assignee",
                        "{\"accountId\":\"" + officer.id() + "\"}")
                .andExpect(status().isOk());
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/consultation", """
                {"consultedOn":"%s","note":"Consultée."}""".formatted(time.today()))
                .andExpect(status().isOk());
        var session = login(officer.username(), officer.password());
        mvc.perform(post("/console/assessments/" + id + "/review")
                        .session(session)
                        .with(csrf())
                        .param("note", "Revue."))
                .andExpect(status().is3xxRedirection());
        var html = mvc.perform(get("/console/assessments/" + id + "?lang=fr").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"approve\"").contains("data-confirm=\"Approuver cette évaluation\u202f?");
        var question = JsonPath.<java.util.List<String>>read(
                        read(officerBearer(), "/api/v1/assessments/" + id)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.sections[*].questions[?(@.type == 'long-text')].id")
                .getFirst();

        mvc.perform(post("/console/assessments/" + id + "/answers")
                        .session(session)
                        .with(csrf())
                        .param("q." + question, "Une réponse corrigée après la revue."))
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("la revue est à refaire")));
    }
}
