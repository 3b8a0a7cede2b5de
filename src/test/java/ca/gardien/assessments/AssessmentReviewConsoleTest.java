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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The review in the console (officer's walk): it is the assigned account's, so the form waits until someone is
 * assigned and says so next to the assignment; a refused review comes back to the assessment's page with its note.
 */
class AssessmentReviewConsoleTest extends AssessmentTestSupport {

    /** An assessment started by hand and consulted from the console: its page's address. */
    String consulted(MockHttpSession officer) throws Exception {
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Portail %s","templateId":"qc-system"}""".formatted(UUID.randomUUID()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = "/console/assessments/" + JsonPath.read(body, "$.id");
        mvc.perform(post(page + "/consultation")
                        .param("consultedOn", time.today().toString())
                        .param("note", "Consultée dès le début du projet.")
                        .session(officer)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "Consultation du responsable consignée."));
        page(page, officer); // the browser follows the redirect: what it said is shown once
        return page;
    }

    String page(String page, MockHttpSession session) throws Exception {
        return mvc.perform(get(page).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theDecisionsReasonsAreRequiredByTheBrowserBeforeTheConfirmationAndStillByTheService() throws Exception {
        var id = start();
        reviewed(id, officerBearer(), officerId());
        var session = login(OFFICER, OFFICER_PASSWORD);
        var page = "/console/assessments/" + id;
        // officer's walk: approving asked for confirmation first, then refused the empty reasons
        assertThat(page(page, session))
                .containsPattern("<textarea id=\"decision-reasons\"[^>]* required aria-required=\"true\"")
                .contains("Motifs</span>", "(obligatoire)</span></label>");
        var refused = mvc.perform(post(page + "/decision")
                        .param("decision", "approve")
                        .param("reasons", " ")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .contains("Motifs", "Ce champ est obligatoire.");
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.status").value("REVIEWED"));
    }

    @Test
    void theReviewFormWaitsUntilSomeoneIsAssignedAndIsOfferedToTheAssignedPersonOnly() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var officerSession = login(officer.username(), officer.password());
        var page = consulted(officerSession);

        assertThat(page(page, officerSession))
                .doesNotContain("id=\"review-form\"")
                .contains("id=\"review-waits\"", "Personne n’est assigné à la revue")
                .contains("id=\"assign-me\"", "id=\"assign\"")
                .contains("attribuez la revue");

        var staff = person(Role.STAFF);
        mvc.perform(post(page + "/assignee")
                        .param("accountId", staff.id().toString())
                        .session(officerSession)
                        .with(csrf()))
                .andExpect(redirectedUrl(page));
        assertThat(page(page, officerSession))
                .doesNotContain("id=\"review-form\"", "id=\"review-waits\"")
                .contains("id=\"review-by\"");
        assertThat(page(page, login(staff.username(), staff.password())))
                .contains("id=\"review-form\"")
                .doesNotContain("id=\"review-by\"");
    }

    @Test
    void aRefusedReviewKeepsItsNoteAndLeavesTheBrowserOnTheAssessmentPage() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var page = consulted(session);

        // nobody assigned (a page opened before the form was hidden): refused, back on the page, the note still there
        var refused = mvc.perform(post(page + "/review")
                        .param("note", "Risques acceptables pour le portail.")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andReturn();
        assertThat(shown(refused, session))
                .contains("Le formulaire n’a pas été enregistré.", "Assignez d’abord l’évaluation")
                .doesNotContain("Corrigez les champs signalés.")
                .contains("Risques acceptables pour le portail.</textarea>")
                .contains("id=\"assign-me\"");
        page(page, session); // a reload of the address the browser is on is the page, not a 405

        // assigned, a note that is refused names its field next to it and is kept
        mvc.perform(post(page + "/assign-me").session(session).with(csrf())).andExpect(redirectedUrl(page));
        page(page, session);
        var invalid = mvc.perform(post(page + "/review")
                        .param("note", "Revue faite\u0007 en équipe")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andReturn();
        assertThat(shown(invalid, session))
                .contains("Corrigez les champs signalés.", "href=\"#review-note\"", "id=\"review-note-error\"")
                .contains("en équipe</textarea>");
        read(officerBearer(), "/api/v1/assessments/" + page.substring(page.lastIndexOf('/') + 1))
                .andExpect(jsonPath("$.status").value("CONSULTED"));

        mvc.perform(post(page + "/review")
                        .param("note", "Revue faite en équipe.")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "Revue consignée."));
    }

    private String shown(MvcResult refused, MockHttpSession session) throws Exception {
        return mvc.perform(get(refused.getResponse().getRedirectedUrl())
                        .session(session)
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
