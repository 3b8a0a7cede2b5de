package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.InformationSystem;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Pre-filled answers are worded, in the assessment's two languages (officer's walk): a system's hosting names its place
 * once — « Virginie (États-Unis) États-Unis » and « Québec (Québec) Québec (Canada) » repeated it — and a third party's
 * commitment says what its reference and day are, not « engagement ENG-2024-02 2024-02-15 ».
 */
class PrefillWordingTest extends AssessmentTestSupport {

    /** The answer to a question of an assessment, in a language. */
    String answer(String id, String question, String lang) throws Exception {
        List<String> answers = JsonPath.read(
                read(officerBearer(), "/api/v1/assessments/" + id + "?lang=" + lang)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.sections[*].questions[?(@.id == '" + question + "')].answer");
        return answers.getFirst();
    }

    /** The assessment a new system hosted there starts: its id. */
    String system(String name, String location, String jurisdiction) throws Exception {
        var id = unique("hebergement");
        apply(inventory.documentWith(
                new InformationSystem(id, name, "sales", location, jurisdiction, true, "2026-01-15", null)));
        return assessmentOf("systems/" + id);
    }

    @Test
    void aSystemsHostingNamesItsPlaceOnceInEachLanguage() throws Exception {
        apply(new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8));

        var virginia = system("GRC du portail", "Virginie (États-Unis)", "US");
        assertThat(answer(virginia, "medium", "fr")).isEqualTo("GRC du portail\u202F: Virginie (États-Unis)");
        assertThat(answer(virginia, "medium", "en")).isEqualTo("GRC du portail: United States");

        var quebec = system("Comptabilité du portail", "Québec (Québec)", "CA-QC");
        assertThat(answer(quebec, "medium", "fr")).isEqualTo("Comptabilité du portail\u202F: Québec (Québec)");
        assertThat(answer(quebec, "medium", "en")).isEqualTo("Comptabilité du portail: Quebec (Canada)");

        // a location that does not name the jurisdiction is followed by it, once
        var montreal = system("Archives du portail", "Montréal", "CA-QC");
        assertThat(answer(montreal, "medium", "fr")).isEqualTo("Archives du portail\u202F: Montréal, Québec (Canada)");
        assertThat(answer(montreal, "medium", "en")).isEqualTo("Archives du portail: Quebec (Canada)");
    }

    @Test
    void aThirdPartysCommitmentIsAWrittenCommitmentOfADayInEachLanguage() throws Exception {
        var id = assessmentOf("transfers/" + applyTransfer(unique("engagement"), "US"));
        assertThat(answer(id, "recipient", "fr"))
                .isEqualTo("Hébergeur infonuagique (synthétique)\u202F: engagement écrit ENG-2024-02 du 2024-02-15");
        assertThat(answer(id, "recipient", "en"))
                .isEqualTo("Cloud hosting provider (synthetic): written commitment ENG-2024-02 of 2024-02-15");
    }
}
