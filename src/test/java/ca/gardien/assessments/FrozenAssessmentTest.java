package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Transfer;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * An approved assessment reads as what it is (officer's walk): its pre-filled answers are no longer said to be
 * editable, the fingerprint under its steps says what it is, its questionnaire is named by title and version, and the
 * report says once of a whole answer that it was pre-filled, not of its last line only.
 */
class FrozenAssessmentTest extends AssessmentTestSupport {

    static final String MARK = "Prérempli à partir de l’inventaire\u202F:";

    /** An approved assessment of a transfer of two categories of information, pre-filled from the map; its id. */
    String approvedTransfer() throws Exception {
        apply(new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8));
        var transfer = unique("gel");
        apply(inventory.documentWith(new Transfer(
                transfer, "US", "hosting-provider", List.of("contact", "billing"), "ENG-2024-02", null, false)));
        var id = assessmentOf("transfers/" + transfer);
        approve(id, officerBearer(), officerId());
        return id;
    }

    @Test
    void anApprovedAssessmentsPageNoLongerSaysItsAnswersMayChangeAndNamesItsFingerprint() throws Exception {
        var id = approvedTransfer();
        var officer = person(Role.PRIVACY_OFFICER);
        var page = mvc.perform(get("/console/assessments/" + id).session(login(officer.username(), officer.password())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String sha = JsonPath.read(
                read(officerBearer(), "/api/v1/assessments/" + id)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.documentSha256");

        assertThat(page)
                .contains("data-prefilled=\"destination\"", "Prérempli à partir de l’inventaire.")
                .doesNotContain("vous pouvez modifier la réponse", "(obligatoire avant l’approbation)")
                .containsPattern(
                        "<dt>Empreinte SHA-256 du rapport approuvé</dt>\\s*<dd id=\"sha256\"><code[^>]*>" + sha)
                .containsPattern(
                        "Questionnaire\u202F: Évaluation des facteurs relatifs à la vie privée [^<]+ \\(P-39.1,"
                                + " art. 17\\), version 2")
                .doesNotContain("qc-transfer");
    }

    @Test
    void theReportNamesItsQuestionnaireInWordsAndMarksEachPrefilledAnswerOnceAsAWhole() throws Exception {
        var id = approvedTransfer();
        var view = read(officerBearer(), "/api/v1/assessments/" + id)
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> prefilled = JsonPath.read(view, "$.sections[*].questions[?(@.prefilled == true)].id");
        List<String> categories = JsonPath.read(view, "$.sections[*].questions[?(@.id == 'categories')].answer");
        var lines = categories.getFirst().lines().toList();
        assertThat(lines).hasSize(2);

        var html = read(officerBearer(), "/api/v1/assessments/" + id + "/report?lang=fr")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .doesNotContain("qc-transfer", " v2", "(prérempli")
                .containsPattern(
                        "Questionnaire\u202F: Évaluation des facteurs [^<]+, version 2</p><p>Version 1 de l’évaluation")
                .contains("<em>" + MARK + "</em><ul><li>" + lines.get(0) + "</li><li>" + lines.get(1) + "</li></ul>")
                .contains("<em>" + MARK + "</em> États-Unis")
                // the French report is the approved document itself, which cannot hold its own digest (the page and
                // the English translation give it; AssessmentReportTest checks the digest against the ledger)
                .doesNotContain("Empreinte SHA-256 du rapport approuvé");
        assertThat(html.split(MARK, -1)).hasSize(prefilled.size() + 1);

        var english = read(officerBearer(), "/api/v1/assessments/" + id + "/report?lang=en")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english)
                .containsPattern("Questionnaire: Privacy impact assessment of a communication outside Québec \\(P-39.1,"
                        + " s. 17\\), version 2</p><p>Version 1 of the assessment") // cited in English style
                .contains("<em>Pre-filled from the data map:</em> United States")
                .containsPattern("SHA-256[^<]*[0-9a-f]{64}");
    }
}
