package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * The report leaves the organization: it names who consulted, reviewed and decided by the account's display name, never
 * by the login the account signs in with (officer's walk).
 */
class ReportNamesPeopleTest extends AssessmentTestSupport {

    @Test
    void theReportNamesWhoConsultedReviewedAndDecidedByTheirDisplayNameNotTheirLogin() throws Exception {
        var person = person(Role.PRIVACY_OFFICER); // display name "Test person", a login "p-…"
        var bearer = bearerFor(person.id(), Role.PRIVACY_OFFICER);
        var id = start();
        approve(id, bearer, person.id());

        var report = read(bearer, "/api/v1/assessments/" + id + "/report?lang=fr")
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report.split("Test person", -1))
                .as("consultation, review and decision")
                .hasSizeGreaterThan(3);
        assertThat(report).doesNotContain(person.username());
    }
}
