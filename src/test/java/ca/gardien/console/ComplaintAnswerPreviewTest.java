package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Privacy officer's review: the answer to a complaint went out without the officer seeing the letter. The file page
 * previews it, the exact text in the complainant's language, above the send button, with what was typed kept; the
 * preview sends and keeps nothing.
 */
class ComplaintAnswerPreviewTest extends WebTestSupport {

    @Autowired
    ca.gardien.mail.Outbox outbox;

    private String complaint(String language) throws Exception {
        var body = mvc.perform(post("/api/v1/complaints")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Camille Exemple\",\"email\":\"camille@example.test\","
                                + "\"phone\":\"+1 555 010 0199\",\"subject\":\"Sollicitation\","
                                + "\"reasons\":\"Des courriels.\",\"language\":\"" + language + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private MvcResult preview(MockHttpSession session, String id, String reasons) throws Exception {
        return mvc.perform(post("/console/complaints/" + id + "/answer/preview")
                        .param("reasons", reasons)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
    }

    private String pageAfter(MockHttpSession session, String id, MvcResult result) throws Exception {
        return mvc.perform(get("/console/complaints/" + id).session(session).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theOfficerReadsTheAnswerInTheComplainantsLanguageBeforeSendingAndNothingIsSent() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint("en");
        var page = pageAfter(officer, id, preview(officer, id, "We removed your address from the list."));
        assertThat(page)
                .contains("id=\"answer-preview\"", "La lettre telle qu’elle sera envoyée")
                .contains("We removed your address from the list.")
                .contains("If this answer does not satisfy you, you may file a complaint with the Commission")
                .contains("Complaint reference: C-")
                .contains("formaction=\"/console/complaints/" + id + "/answer/preview\"")
                .doesNotContain("id=\"done\"");
        // what was typed stays in the textarea, for sending as previewed
        assertThat(page.substring(page.indexOf("id=\"answer-reasons\"")))
                .contains(">We removed your address from the list.</textarea>");
        assertThat(outbox.about(id).stream().map(m -> m.template())).doesNotContain("complaint-answer");
        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.documents[?(@.kind == 'ANSWER')]").isEmpty());

        var fr = complaint("fr");
        assertThat(pageAfter(officer, fr, preview(officer, fr, "Nous avons retiré votre adresse.")))
                .contains("Si cette réponse ne vous satisfait pas");
    }

    @Test
    void aPreviewWithoutReasonsIsRefusedNextToTheFieldAndAnAuditorMayNotPreview() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint("fr");
        var page = pageAfter(officer, id, preview(officer, id, " "));
        assertThat(page).contains("id=\"answer-reasons-error\"").doesNotContain("id=\"answer-preview\"");
        // named by its box and said in a full sentence (officer's walk: "Motifs : est obligatoire")
        assertThat(page)
                .contains("La réponse et ses motifs\u202f: Ce champ est obligatoire.")
                .doesNotContain("Motifs\u202f:", "\u202f: est obligatoire");

        var auditor = person(Role.AUDITOR);
        mvc.perform(post("/console/complaints/" + id + "/answer/preview")
                        .param("reasons", "Motifs.")
                        .session(login(auditor.username(), auditor.password()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedAnswerNamesItsBoxAsThePageDoes() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint("fr");
        var refused = mvc.perform(post("/console/complaints/" + id + "/answer")
                        .param("reasons", " ")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .contains("La réponse et ses motifs")
                .doesNotContain("Motifs :");
    }
}
