package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * Pre-filled answers, the item covered and the countries read in the reader's language: French and English, never a
 * data-map path or a country code; a pre-filled answer sent back as it reads in either language stays pre-filled.
 */
class AssessmentLanguageTest extends AssessmentTestSupport {

    private static String answer(String id) {
        return "$.sections[*].questions[?(@.id == '" + id + "')].answer";
    }

    @Test
    void preFilledAnswersFollowTheReadersLanguage() throws Exception {
        var item = "transfers/" + applyTransfer(unique("lang"), "US");
        var path = "/api/v1/assessments/" + assessmentOf(item);
        var officer = officerBearer();
        read(officer, path + "?lang=en")
                .andExpect(status().isOk())
                .andExpect(jsonPath(answer("destination")).value(hasItem("United States")))
                .andExpect(jsonPath(answer("legal-framework")).value(hasItem("United States")))
                .andExpect(jsonPath(answer("categories")).value(hasItem(containsString("(not sensitive)"))))
                .andExpect(jsonPath(answer("recipient"))
                        .value(hasItem(containsString(
                                "Cloud hosting provider (synthetic): written commitment ENG-2024-02 of 2024-02-15"))))
                .andExpect(jsonPath("$.itemName")
                        .value("Communications outside Québec: Cloud hosting provider (synthetic) → United States"));
        read(officer, path + "?lang=fr")
                .andExpect(jsonPath(answer("destination")).value(hasItem("États-Unis")))
                .andExpect(jsonPath(answer("categories")).value(hasItem(containsString("(non sensible)"))))
                .andExpect(jsonPath(answer("recipient"))
                        .value(hasItem(containsString(
                                "Hébergeur infonuagique (synthétique) : engagement écrit ENG-2024-02 du 2024-02-15"))))
                .andExpect(jsonPath("$.itemName")
                        .value("Communications hors Québec : Hébergeur infonuagique (synthétique) → États-Unis"));

        // the English form sent back unchanged is the same pre-filled answer; another text is a person's answer
        send("PUT", officer, path + "/answers?lang=en", "{\"answers\":{\"destination\":\"United States\"}}")
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].prefilled")
                        .value(hasItem(true)));
        send("PUT", officer, path + "/answers?lang=en", "{\"answers\":{\"legal-framework\":\"CLOUD Act\"}}")
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'legal-framework')].prefilled")
                        .value(hasItem(false)));
        read(officer, path + "?lang=fr")
                .andExpect(jsonPath(answer("destination")).value(hasItem("États-Unis")))
                .andExpect(jsonPath(answer("legal-framework")).value(hasItem("CLOUD Act")));
    }

    @Test
    void theReportNamesTheItemItCoversInItsLanguage() throws Exception {
        applyTransfer(unique("names"), "US");
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Paiements %s","templateId":"qc-transfer","item":"thirdParties/payment-processor"}""".formatted(unique("p")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        var english = read(officerBearer(), "/api/v1/assessments/" + id + "/report?lang=en")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english)
                .contains("Third parties: Online payment service (synthetic)")
                .doesNotContain("thirdParties/", "payment-processor");
        var french = read(officerBearer(), "/api/v1/assessments/" + id + "/report?lang=fr")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(french)
                .contains("Tiers : Service de paiement en ligne (synthétique)")
                .doesNotContain("thirdParties/");
    }
}
