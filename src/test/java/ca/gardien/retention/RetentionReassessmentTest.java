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

    @Test
    void anAnalysisOlderThanThePeriodIsFlaggedOnThePageTheRegisterAndTheTile() throws Exception {
        clock.setDay("2027-01-10");
        var officer = officerBearer();
        // before its register entry and analysis, the rule is flagged as without one: not "nothing to update"
        assertThat(page("/console")).contains("1 anonymizing rule without a risk analysis");
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
                .contains("Every anonymizing rule has its risk analysis");

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
