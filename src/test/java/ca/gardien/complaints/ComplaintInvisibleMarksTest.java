package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Attacker's finding: a complaint's name, subject and reasons took direction overrides and zero-width spaces, so the
 * officer's page showed a reversed name. Every free text of the complaints module refuses the invisible marks
 * ({@link ca.gardien.shared.PlainText}) by the field's name, in the reader's language: the public form (shown again
 * with what was typed), the officer's entry, the API and the steps of a file (notes, information requests, delay
 * notices, answers). The marks used are in the Basic Multilingual Plane (U+202E, U+200B).
 */
class ComplaintInvisibleMarksTest extends WebTestSupport {

    static final String REVERSED = "Camille \u202EelpmexE";
    static final String REFUSED_FR = "ne doit contenir ni caractères de contrôle ni marques invisibles";
    static final String REFUSED_EN = "must not hold control characters or invisible marks";

    ResultActions api(String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void thePublicFormRefusesAReversedNameSubjectAndReasonsByNameAndKeepsWhatWasTyped() throws Exception {
        var html = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("name", REVERSED)
                        .param("email", "marks@example.test")
                        .param("phone", "514 555 0100")
                        .param("subject", "Objet\u200Bcaché")
                        .param("reasons", "Premier paragraphe.\r\n\r\nSecond \u202Eparagraphe.")
                        .param("language", "fr"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var field : new String[] {"name", "subject", "reasons"}) {
            assertThat(html)
                    .as(field)
                    .contains("id=\"" + field + "-error\" class=\"field-error\">" + REFUSED_FR)
                    .contains("href=\"#" + field + "\"");
        }
        assertThat(html).contains("value=\"marks@example.test\"", "value=\"514 555 0100\"");
        // in English for an English reader; a text of several paragraphs (line ends) alone is fine
        var en = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("lang", "en")
                        .param("name", "Camille Example")
                        .param("email", "marks@example.test")
                        .param("phone", "514 555 0100")
                        .param("subject", "Subject")
                        .param("reasons", "First paragraph.\r\n\r\nSecond \u202Eparagraph.")
                        .param("language", "en"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en)
                .contains("id=\"reasons-error\" class=\"field-error\">" + REFUSED_EN)
                .doesNotContain("id=\"name-error\"", "id=\"subject-error\"")
                .contains("value=\"Camille Example\"");
    }

    @Test
    void theOfficersEntryRefusesTheMarksNextToEachField() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var html = mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "PHONE")
                        .param("language", "fr")
                        .param("name", REVERSED)
                        .param("phone", "514 555 0100")
                        .param("subject", "Objet \u202Einversé")
                        .param("reasons", "Des \u200Bappels.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var field : new String[] {"name", "subject", "reasons"}) {
            assertThat(html)
                    .as(field)
                    .containsPattern(
                            "<p id=\"" + field + "-error\"\\s+class=\"field-error\">Ce champ " + REFUSED_FR + ".</p>")
                    .contains("href=\"#" + field + "\"");
        }
        assertThat(html).contains("value=\"514 555 0100\"").doesNotContain("id=\"phone-error\"");
    }

    @Test
    void theApiRefusesTheMarksInAComplaintAndInEveryStepOfTheFileNamingTheField() throws Exception {
        api("/api/v1/complaints", """
                        {"name":"Camille \\u202EelpmexE","email":"m@example.test","phone":"514 555 0100",
                         "subject":"Objet\\u200Bcaché","reasons":"Des \\u202Eappels.","language":"fr"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(
                        jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("name", "subject", "reasons")))
                .andExpect(jsonPath("$.errors[0].message").value(REFUSED_FR));
        mvc.perform(post("/api/v1/complaints")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Camille \\u202EelpmexE","email":"m@example.test","phone":"514 555 0100",
                                 "subject":"Objet","reasons":"Des appels.","language":"en"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("name")))
                .andExpect(jsonPath("$.errors[0].message").value(REFUSED_EN));
        // a name on one line: a line end in it is refused as well
        api("/api/v1/complaints", """
                        {"name":"Camille\\nExemple","email":"m@example.test","phone":"514 555 0100",
                         "subject":"Objet","reasons":"Des appels.","language":"fr"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("name")));

        var created = api("/api/v1/complaints", """
                        {"name":"Camille Exemple","email":"m@example.test","phone":"514 555 0100",
                         "subject":"Objet","reasons":"Premier paragraphe.\\n\\n\\tSecond paragraphe.","language":"fr"}""")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        var file = "/api/v1/complaints/" + id;
        api(file + "/notes", "{\"text\":\"Note \\u202Einversée\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("text")));
        api(file + "/information-requests", "{\"details\":\"Une \\u200Bcopie.\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("details")));
        api(file + "/delay-notices", """
                        {"reasons":"Enquête \\u202E","status":"Analyse \\u200B","newDueOn":"2099-01-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("reasons", "status")));
        api(file + "/answer", "{\"reasons\":\"Nous avons \\u202Eretiré.\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reasons")));
        // nothing of it was kept: the file is open, its timeline holds no note, nothing was answered
        mvc.perform(get(file).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.reasons").value("Premier paragraphe.\n\n\tSecond paragraphe."))
                .andExpect(jsonPath("$.timeline[?(@.step == 'note')]").isEmpty());
        // a note through the console is refused the same way, next to its field
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var result = mvc.perform(post(file.replace("/api/v1", "/console") + "/notes")
                        .param("text", "Note \u202Einversée")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var page = mvc.perform(get(file.replace("/api/v1", "/console"))
                        .session(session)
                        .flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(REFUSED_FR);
    }
}
