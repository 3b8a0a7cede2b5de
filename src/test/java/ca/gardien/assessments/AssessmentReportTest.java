package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Reports in French and English hold every answered question and every measure; late measures are reminded once. */
class AssessmentReportTest extends AssessmentTestSupport {

    @Autowired
    MeasureReminders reminders;

    @Autowired
    Outbox outbox;

    @Test
    void theReportInFrenchAndEnglishHtmlAndPdfHoldsEveryAnsweredQuestionAndEveryMeasure() throws Exception {
        var item = "transfers/" + applyTransfer(unique("report"), "US");
        var id = assessmentOf(item);
        var officer = officerBearer();
        send("PUT", officer, "/api/v1/assessments/" + id + "/answers", """
                {"answers":{"other-measures":"Chiffrement au repos","adequate":true}}""").andExpect(status().isOk());
        send("POST", officer, "/api/v1/assessments/" + id + "/risks", """
                {"description":"Accès par une autorité étrangère","likelihood":3,"severity":4,
                 "residualLikelihood":1,"residualSeverity":4}""").andExpect(status().isOk());
        approve(id, officer, officerId());
        var html = read(officer, "/api/v1/assessments/" + id + "/report?lang=fr")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Autres mesures de protection", "Chiffrement au repos", "Oui")
                .contains("Destination", "États-Unis", "ENG-2024-02", "Prérempli à partir de l’inventaire")
                .contains("Clause de localisation des sauvegardes", "Service juridique", "Mesure contractuelle")
                .contains("Accès par une autorité étrangère", "3 × 4 = 12 / 16 (élevé)")
                .contains("Consultée dès le début du projet.", "Protection adéquate sous entente écrite.")
                // the item by its list and name, the destination by its country's name: no path, no code
                .contains("Communications hors Québec : Hébergeur infonuagique (synthétique) → États-Unis")
                .doesNotContain(item, "account:", "token:", ">US<");
        // the French report of an approved assessment is the document approved: its SHA-256 is the approval fact's
        var bytes = read(officer, "/api/v1/assessments/" + id + "/report?lang=fr")
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(String.valueOf(awaitLedgerEntry("assessments.approved", id).get("payload")))
                .contains(ca.gardien.shared.Digests.sha256Hex(bytes));
        var pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/assessments/" + id + "/report")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "inline; filename=\"pia-report-" + id.substring(0, 8) + ".pdf\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ")
                    .replace("- ", "-"); // a word cut at its hyphen by a narrow column reads whole
        }
        assertThat(text)
                .contains("Other protection measures", "Chiffrement au repos", "Yes")
                .contains("Would the information receive adequate protection?")
                .contains("Clause de localisation des sauvegardes", "Contractual measure")
                .contains("Protection measures", "Residual risk")
                .contains("Communications outside Québec", "Cloud hosting provider (synthetic)", "United States")
                .contains(
                        "(not sensitive)",
                        "Cloud hosting provider (synthetic): written commitment ENG-2024-02 of 2024-02-15")
                .doesNotContain(item, "(non sensible)", "engagement écrit");
    }

    @Test
    void thePdfInEachLanguageHoldsEveryAnsweredQuestionWithItsAnswerAndEveryMeasure() throws Exception {
        var id = assessmentOf("transfers/" + applyTransfer(unique("every"), "DE"));
        var officer = officerBearer();
        send("POST", officer, "/api/v1/assessments/" + id + "/measures", """
                {"kind":"technical","description":"Chiffrement de bout en bout","owner":"TI","dueOn":"2026-06-30"}""").andExpect(status().isOk());
        approve(id, officer, officerId());
        for (var lang : java.util.List.of("fr", "en")) {
            var view = read(officer, "/api/v1/assessments/" + id + "?lang=" + lang)
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            java.util.List<java.util.Map<String, Object>> answered =
                    com.jayway.jsonpath.JsonPath.read(view, "$.sections[*].questions[?(@.answer != null)]");
            java.util.List<String> measures = com.jayway.jsonpath.JsonPath.read(view, "$.measures[*].description");
            assertThat(answered).hasSizeGreaterThan(8);
            assertThat(measures).hasSize(2);
            var text = pdfText(id, lang, officer);
            for (var q : answered) {
                assertThat(text).contains(flat(q.get("label"))).contains(flat(q.get("shown")));
            }
            measures.forEach(m -> assertThat(text).contains(m));
        }
    }

    private String pdfText(String id, String lang, String bearer) throws Exception {
        var pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/assessments/" + id + "/report")
                        .param("lang", lang)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            // a word cut at its hyphen by a narrow column reads whole
            return flat(new PDFTextStripper().getText(document)).replace("- ", "-");
        }
    }

    private static String flat(Object text) {
        return String.valueOf(text).replaceAll("\\s+", " ").strip();
    }

    @Test
    void aLateMeasureIsRemindedOnceAfterItsDueDate() throws Exception {
        clock.setDay("2027-03-01");
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Projet %s","templateId":"qc-system"}""".formatted(unique("late")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/measures", """
                {"kind":"training","description":"Former l'équipe","owner":"RH","dueOn":"2027-03-10"}""")
                .andExpect(status().isOk());
        var before = outbox.about(id).size();
        clock.setDay("2027-03-10");
        reminders.tick();
        assertThat(outbox.about(id)).hasSize(before);
        clock.advance(Duration.ofDays(1));
        reminders.tick();
        reminders.tick();
        assertThat(outbox.about(id)).hasSize(before + 1);
        awaitLedgerEntry("assessments.measure-reminded", id);
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.measures[0].late")
                                .value(true));
    }
}
