package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rating a risk in the console (officer's walk): no level is chosen for the person — a risk added in haste read
 * "1 × 1 = 1 / 16 (faible)" for a residual nobody chose; a level left blank is refused naming it, the rest kept.
 */
class AssessmentRiskConsoleTest extends AssessmentTestSupport {

    static final String[] LEVELS = {"likelihood", "severity", "residualLikelihood", "residualSeverity"};

    @Test
    void everyLevelStartsBlankAndALevelLeftBlankIsRefusedNamingItWithTheOtherInputsKept() throws Exception {
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Portail %s","templateId":"qc-system"}""".formatted(UUID.randomUUID()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        var page = "/console/assessments/" + id;
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());

        var form = mvc.perform(get(page).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var level : LEVELS) {
            assertThat(form)
                    .containsPattern("id=\"risk-" + level
                            + "\"[^>]*>\\s*<option value=\"\" selected=\"selected\">— Choisir un niveau —</option>");
        }
        assertThat(form).doesNotContainPattern("<option value=\"\\d+\" selected");

        var refused = mvc.perform(post(page + "/risks")
                        .param("description", "Accès par une autorité étrangère")
                        .param("likelihood", "3")
                        .param("severity", "2")
                        .param("residualLikelihood", "")
                        .param("residualSeverity", "")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andReturn();
        var shown = mvc.perform(get(page).session(session).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown)
                .contains("href=\"#risk-residualLikelihood\"", "href=\"#risk-residualSeverity\"")
                .contains("Probabilité résiduelle", "Gravité résiduelle")
                // a full sentence, as on the incident pages (officer's walk: "Gravité : est obligatoire")
                .contains("Gravité résiduelle\u202f: Ce champ est obligatoire.")
                .doesNotContain("\u202f: est obligatoire")
                .contains("id=\"risk-residualLikelihood-error\"", "id=\"risk-residualSeverity-error\"")
                .doesNotContain("id=\"risk-likelihood-error\"", "id=\"risk-severity-error\"")
                .contains("value=\"Accès par une autorité étrangère\"")
                .containsPattern(
                        "id=\"risk-likelihood\"[\\s\\S]*?<option value=\"3\" selected=\"selected\">3 — important</option>")
                .containsPattern(
                        "id=\"risk-severity\"[\\s\\S]*?<option value=\"2\" selected=\"selected\">2 — limité</option>") // in words
                .containsPattern("id=\"risk-residualSeverity\"[^>]*>\\s*<option value=\"\" selected=\"selected\">");
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.risks").isEmpty());

        // the API names a level left out as missing, not as out of range
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/risks", """
                        {"description":"Accès par un tiers","likelihood":2,"severity":2,"residualLikelihood":1}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("residualSeverity"))
                .andExpect(jsonPath("$.errors[0].message").value("est obligatoire"));
    }
}
