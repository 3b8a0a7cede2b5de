package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import ca.gardien.organization.Role;
import ca.gardien.support.MovableClock;
import ca.gardien.support.MovableClocks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/**
 * The periodic update of the re-identification risk analysis: with the default period of twelve months, an anonymizing
 * rule analysed on 5 January 2027 is to be updated by 5 January 2028; from the next day the retention page, the register
 * and the dashboard’s tile flag it.
 */
@Import(MovableClocks.class)
class RetentionReassessmentTest extends PlantedShop {

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String page(String path) throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var response = mvc.perform(get(path).session(session).param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static final String WEB_STATS = """
            piCategories: []
            retentionRules:
              - {id: web-stats, name: {fr: Statistiques du site web, en: Website statistics}, duration: P2Y,
                 trigger: collection, disposal: anonymize}
            datasets: []
            """;

    /** Takes a rule out of the data map: other tests count the anonymizing rules. */
    private void dropRule(String id) throws Exception {
        var officer = officerBearer();
        var map = (tools.jackson.databind.node.ObjectNode)
                YAML.readTree(call(get("/api/v1/inventory/export").header("Authorization", officer), 200));
        var rules = (tools.jackson.databind.node.ArrayNode) map.get("retentionRules");
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).get("id").asString().equals(id)) rules.remove(i);
        }
        call(
                post("/api/v1/inventory/apply")
                        .header("Authorization", officer)
                        .contentType("application/yaml")
                        .content(YAML.writeValueAsString(map)),
                200);
    }

    @Test
    void anAnalysisOlderThanThePeriodIsFlaggedOnThePageTheRegisterAndTheTile() throws Exception {
        clock.setDay("2027-01-10");
        var officer = officerBearer();
        // before its register entry and analysis, the rule is flagged as without one: not "nothing to update"
        assertThat(page("/console")).contains("1 anonymizing rule to complete in the register of anonymizations");
        call(
                put("/api/v1/retention/rules/dormant/anonymization")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RetentionAnonymizationTest.ENTRY),
                200);
        call(
                post("/api/v1/retention/rules/dormant/anonymization/analyses")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RetentionAnonymizationTest.analysis(true)
                                .replaceFirst("\\d{4}-\\d{2}-\\d{2}", "2027-01-05")),
                201);
        var due = "Re-identification risk analysis of January 5, 2027: to update by January 5, 2028.";
        var overdue = "Update the re-identification risk analysis: the latest is of January 5, 2027, its update was due"
                + " by January 5, 2028.";
        assertThat(page("/console/retention")).contains(due).doesNotContain("data-overdue=\"true\"");
        assertThat(page("/console"))
                .contains("No risk analysis to update")
                .contains("Every anonymizing rule has its complete register entry");

        // a rule of documentation only (no table to sweep) without its entry, like the demo's website statistics: the
        // register says "to complete", and so does the tile (officer's walk: the tile said every rule had its analysis)
        annotate(WEB_STATS);
        try {
            assertThat(page("/console/retention/anonymizations")).contains("id=\"rule-web-stats\"");
            assertThat(page("/console"))
                    .contains("1 anonymizing rule to complete in the register of anonymizations")
                    .doesNotContain("Every anonymizing rule has");
            assertThat(page("/console/retention?show=unassessed"))
                    .contains("id=\"rule-web-stats\"")
                    .doesNotContain("id=\"rule-dormant\"");
        } finally {
            dropRule("web-stats");
        }

        clock.setDay("2028-01-05"); // the last day of the period
        assertThat(page("/console/retention")).contains(due);

        clock.setDay("2028-01-06");
        assertThat(page("/console/retention")).contains(overdue).contains("data-overdue=\"true\"");
        assertThat(page("/console/retention/anonymizations")).contains(overdue);
        assertThat(page("/console"))
                .contains("1 re-identification risk analysis to update")
                .contains("/console/retention?show=reassess");
        assertThat(page("/console/retention?show=reassess"))
                .contains("Filtered: only the anonymizing rules whose risk analysis is to be updated are shown.")
                .contains("id=\"rule-dormant\"");
    }
}
