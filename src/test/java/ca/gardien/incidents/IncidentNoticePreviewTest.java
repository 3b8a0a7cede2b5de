package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The console's preview of a notice (officer's walk in Chromium, 2026-12-06): a console page with its stylesheet and
 * no style written in the page (Gardien's Content-Security-Policy blocked it: the notice showed unstyled with a
 * console error), a way back to the entry, each factor of the risk assessment on its own line; the printable XHTML of
 * the API takes its styles from a stylesheet too, and the PDF still carries them.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentNoticePreviewTest extends WebTestSupport {

    /** An assessed entry (serious risk) with two measures; its id. */
    static String assessedEntry(IncidentCalls calls, String officer, boolean serious) throws Exception {
        var id = calls.create(officer, """
                {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
                 "awareAt": "2026-11-21T09:00:00-05:00", "circumstances": "A file was sent to the wrong supplier.",
                 "piDescription": "Names and diagnoses", "personsCount": 42}""");
        var base = "/api/v1/incidents/" + id;
        var level = serious ? "HIGH" : "LOW";
        calls.send(HttpMethod.POST, officer, base + "/assessment", """
                {"sensitivity": "%s", "sensitivityReason": "sensitivity reasoning",
                 "consequences": "%s", "consequencesReason": "consequences reasoning",
                 "likelihood": "%s", "likelihoodReason": "likelihood reasoning",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""".formatted(level, level, level), 200);
        calls.send(HttpMethod.POST, officer, base + "/measures", """
                {"kind": "MITIGATION", "description": "Supplier confirmed deletion", "owner": "IT",
                 "doneOn": "2026-11-22"}""", 200);
        calls.send(HttpMethod.POST, officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Access revoked", "owner": "IT",
                 "doneOn": "2026-11-22"}""", 200);
        return id;
    }

    @Test
    void thePreviewIsAConsolePageWithItsStylesheetAWayBackAndEachRiskFactorOnItsLine() throws Exception {
        var officer = officerBearer();
        var id = assessedEntry(new IncidentCalls(mvc), officer, true);
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());

        var preview = htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=fr");
        assertThat(preview)
                .as("no style written in the page: the Content-Security-Policy (style-src 'self') blocks it")
                .doesNotContain("<style")
                .doesNotContain("style=")
                .contains("/css/gardien.css")
                .contains("href=\"/console/incidents/" + id + "\"")
                .contains("Avis à la Commission d’accès à l’information");
        var risk = preview.substring(preview.indexOf("Éléments permettant de conclure"));
        risk = risk.substring(0, risk.indexOf("</dd>"));
        assertThat(risk).doesNotContain(" | ");
        assertThat(risk.split("<li", -1).length - 1)
                .as("each factor and the consultation on their own line: %s", risk)
                .isEqualTo(4);
        assertThat(risk).contains("sensitivity reasoning", "consequences reasoning", "likelihood reasoning");
        var measures = preview.substring(preview.indexOf("Mesures prises ou envisagées"));
        measures = measures.substring(0, measures.indexOf("</dd>"));
        assertThat(measures)
                .contains("<li", "Supplier confirmed deletion", "Access revoked")
                .doesNotContain(" ; ");

        assertThat(htmlOf(session, "/console/incidents/" + id + "/notices/persons?in=en"))
                .doesNotContain("<style")
                .contains("lang=\"en\"", "Measures we suggest you take");

        var xhtml = mvc.perform(get("/api/v1/incidents/" + id + "/notices/commission.html")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(xhtml)
                .doesNotContain("<style")
                .contains("href=\"/css/notice.css\"")
                .contains("<br/>");
        mvc.perform(get("/css/notice.css")).andExpect(status().isOk());
    }

    /**
     * Attacker's probe of the notice's PDF and preview: a language other than fr or en ({@code in=xx}, 10,000
     * characters, two values) answered with the French notice as if it had been asked for; it is now a 400 page
     * naming the field in the page's language. An id that is none is a 400, an entry or a notice that does not exist a
     * 404, and a member of staff is refused the PDF; a PDF asked for properly is still given.
     */
    @Test
    void aLanguageOtherThanFrOrEnIsRefusedNamingTheFieldAndUnknownEntriesAreNotFound() throws Exception {
        var id = assessedEntry(new IncidentCalls(mvc), officerBearer(), true);
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        var base = "/console/incidents/" + id + "/notices/";
        for (var path : List.of(base + "persons.pdf", base + "commission.pdf", base + "persons")) {
            for (var in : List.of("xx", "EN", "x".repeat(10_000), "en,fr")) {
                var page = mvc.perform(get(path).param("in", in).session(session))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(page)
                        .as("%s?in=%s", path, in.length() > 20 ? in.substring(0, 20) + "…" : in)
                        .contains("id=\"invalid-fields\"", "Langue du document\u202f: doit être fr ou en")
                        .doesNotContain("%PDF");
                // officer's walk: the way back and the language switch lead to the page without what was refused
                // (a document's address would download it: no way back to it)
                if (path.endsWith(".pdf")) {
                    assertThat(page).doesNotContain("id=\"error-back\"");
                } else {
                    assertThat(page)
                            .contains("id=\"error-back\" href=\"" + path + "\"")
                            .contains("return=" + path + "\"")
                            .as("in the console's frame: its navigation, a way back to the dashboard")
                            .contains("id=\"console-nav\"")
                            .contains("href=\"/console\"")
                            .doesNotContain("Retour à l’accueil");
                }
            }
        }
        mvc.perform(get(base + "persons.pdf")
                        .param("in", "en")
                        .param("in", "fr")
                        .session(session))
                .andExpect(status().isBadRequest());
        assertThat(mvc.perform(get(base + "persons.pdf")
                                .param("in", "xx")
                                .param("lang", "en")
                                .session(session))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Language of the document: must be fr or en");

        mvc.perform(get(base + "persons.pdf").param("in", "en").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string(
                                HttpHeaders.CONTENT_DISPOSITION,
                                org.hamcrest.Matchers.allOf( // the page's link says "Download": not shown inline
                                        org.hamcrest.Matchers.startsWith("attachment;"),
                                        org.hamcrest.Matchers.containsString("notice-persons-"))));
        mvc.perform(get(base + "commission.pdf").param("in", "fr").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string(
                                HttpHeaders.CONTENT_DISPOSITION,
                                org.hamcrest.Matchers.containsString("avis-commission-")));
        mvc.perform(get(base + "other.pdf").param("in", "en").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/console/incidents/" + UUID.randomUUID() + "/notices/persons.pdf")
                        .session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/incidents/not-an-id/notices/persons.pdf").session(session))
                .andExpect(status().isBadRequest());
        var staff = person(Role.STAFF);
        mvc.perform(get(base + "persons.pdf").param("in", "en").session(login(staff.username(), staff.password())))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffAndUnknownNoticesAreRefused() throws Exception {
        var id = assessedEntry(new IncidentCalls(mvc), officerBearer(), true);
        mvc.perform(get("/console/incidents/" + id + "/notices/commission")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isForbidden());
        var officer = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/incidents/" + id + "/notices/other").session(officer))
                .andExpect(status().isNotFound());
    }
}
