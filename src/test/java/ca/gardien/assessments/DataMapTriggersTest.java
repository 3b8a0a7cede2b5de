package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.Purpose;
import ca.gardien.inventory.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A system added to the map, and a purpose of research or statistics, start assessments; an old system or a renamed one
 * starts nothing; an approved system assessment clears the "system without a PIA" gap and measures are marked done.
 */
class DataMapTriggersTest extends AssessmentTestSupport {

    void demo() throws Exception {
        apply(new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aNewSystemStartsAQuebecSystemAssessmentWhoseApprovalClearsItsGap() throws Exception {
        demo();
        var id = unique("portail");
        apply(inventory.documentWith(
                new InformationSystem(id, "Portail client", "sales", "Montréal", "CA-QC", true, "2026-01-15", null)));
        var item = "systems/" + id;
        var assessment = assessmentOf(item);
        assertThat(assessment).isNotNull();
        var officer = officerBearer();
        read(officer, "/api/v1/assessments/" + assessment)
                .andExpect(jsonPath("$.templateId").value("qc-system"))
                .andExpect(jsonPath("$.gapRule").value("system-without-pia"))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'medium')].answer")
                        .value(hasItem(containsString("Montréal"))));
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(hasItem(item)));

        // a new name is not a redesign: the same assessment stays
        apply(inventory.documentWith(new InformationSystem(
                id, "Portail client (nouveau nom)", "sales", "Montréal", "CA-QC", true, "2026-01-15", null)));
        assertThat(assessmentOf(item)).isEqualTo(assessment);

        approve(assessment, officer, officerId());
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(not(hasItem(item))));
        var body = read(officer, "/api/v1/assessments/" + assessment)
                .andReturn()
                .getResponse()
                .getContentAsString();
        String measure = com.jayway.jsonpath.JsonPath.read(body, "$.measures[0].id");
        send(
                        "POST",
                        officer,
                        "/api/v1/assessments/" + assessment + "/measures/" + measure + "/done",
                        "{\"doneOn\":\"2999-01-01\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("doneOn"));
        send(
                        "POST",
                        officer,
                        "/api/v1/assessments/" + assessment + "/measures/" + measure + "/done",
                        "{\"doneOn\":\"2026-02-01\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures[0].doneOn").value("2026-02-01"))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        awaitLedgerEntry("assessments.measure-done", assessment);
    }

    @Test
    void aSystemIntroducedBeforeTheObligationStartsNothing() throws Exception {
        demo();
        var id = unique("ancien");
        apply(inventory.documentWith(
                new InformationSystem(id, "Ancien système", "sales", "Québec", "CA-QC", true, "2019-01-01", null)));
        assertThat(assessmentOf("systems/" + id)).isNull();
    }

    @Test
    void aPurposeOfResearchOrStatisticsStartsAnAssessment() throws Exception {
        demo();
        var id = unique("etudes");
        apply(inventory.documentWith(new Purpose(
                id,
                new Text("Recherche sur l'usage du service", "Research on the use of the service"),
                new Text("Études internes", "Internal studies"),
                "secondary",
                false,
                null,
                List.of())));
        var assessment = assessmentOf("purposes/" + id);
        assertThat(assessment).isNotNull();
        read(officerBearer(), "/api/v1/assessments/" + assessment)
                .andExpect(jsonPath("$.templateId").value("qc-system"))
                .andExpect(jsonPath("$.gapRule").doesNotExist());
        var other = unique("facturation");
        apply(inventory.documentWith(new Purpose(
                other,
                new Text("Facturation", "Billing"),
                new Text("Factures", "Invoices"),
                "primary",
                false,
                null,
                List.of())));
        assertThat(assessmentOf("purposes/" + other)).isNull();
        awaitLedgerEntry("assessments.started", assessment);
    }
}
