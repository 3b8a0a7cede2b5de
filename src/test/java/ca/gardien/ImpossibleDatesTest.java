package ca.gardien;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 11, finding L5: an impossible or out-of-range date is a 400 problem naming its field, in every module, never a
 * 500 (year +999999999 made the deadline endpoint overflow) nor a database error (PostgreSQL keeps no such years).
 */
class ImpossibleDatesTest extends WebTestSupport {

    static final String[] BAD_DAYS = {
        "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01", "1899-12-31", "2026-02-30", "2026-13-01"
    };

    @Test
    void theDeadlineOfAnImpossibleOrOutOfRangeDayIsRefusedNamingReceivedOn() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        for (var day : BAD_DAYS) {
            mvc.perform(get("/api/v1/requests/deadline")
                            .param("jurisdiction", "QC")
                            .param("receivedOn", day)
                            .header("Authorization", auditor))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        }
        mvc.perform(get("/api/v1/requests/deadline")
                        .param("jurisdiction", "QC")
                        .param("receivedOn", "9999-12-01")
                        .header("Authorization", auditor))
                .andExpect(status().isOk());
    }

    @Test
    void aLetterReceivedAtAnOutOfRangeTimeIsRefusedNamingReceivedAt() throws Exception {
        var staff = bearer(Role.STAFF);
        for (var at : new String[] {"-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "0000-01-01T00:00:00Z"}) {
            var request = new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE, """
                    {"type": "ACCESS", "subject": {"customerNumber": "C-1"}, "jurisdiction": "QC", "channel": "MAIL",
                     "receivedAt": "%s"}""".formatted(at)
                    .getBytes(StandardCharsets.UTF_8));
            mvc.perform(multipart("/api/v1/requests/officer-entry")
                            .file(request)
                            .header("Authorization", staff))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("receivedAt")));
        }
        var beyond = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"customerNumber": "C-1"}, "jurisdiction": "QC", "channel": "MAIL",
                 "receivedAt": "+1000000001-01-01T00:00:00Z"}""".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/requests/officer-entry").file(beyond).header("Authorization", staff))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aConsentWithAnOutOfRangeBirthDateOrExpiryIsRefusedNamingTheField() throws Exception {
        var staff = bearer(Role.STAFF);
        var email = "dates-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        for (var field : new String[] {
            "\"dateOfBirth\": \"-999999999-01-01\"", "\"dateOfBirth\": \"1800-01-01\"",
        }) {
            consent(staff, email, field, "dateOfBirth");
        }
        for (var field : new String[] {
            "\"validUntil\": \"+999999999-12-31T00:00:00Z\"", "\"validUntil\": \"+10000-01-01T00:00:00Z\"",
        }) {
            consent(staff, email, field, "validUntil");
        }
    }

    private void consent(String bearer, String email, String field, String named) throws Exception {
        mvc.perform(post("/api/v1/consents")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": {"email": "%s"}, "purpose": "newsletter", "state": "GRANTED",
                                 "kind": "EXPRESS", "channel": "API", %s}""".formatted(email, field)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(named)));
    }

    @Test
    void aDataMapDateOutOfRangeIsRefusedWithItsPath() throws Exception {
        var yaml = """
                systems:
                  - {id: far, name: Far, owner: it, hostingLocation: Montréal, jurisdiction: CA-QC,
                     holdsPersonalInformation: true, introducedOn: "+999999999-12-31"}
                """;
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", bearer(Role.STAFF))
                        .contentType(MediaType.parseMediaType("application/yaml"))
                        .content(yaml))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].path").value(Matchers.hasItem("systems[0].introducedOn")));
    }

    @Test
    void anOpenComplianceSubmissionAtAnOutOfRangeTimeIsRefused() throws Exception {
        var body = """
                {"subject_request_id": "%s", "subject_request_type": "access",
                 "submitted_time": "+999999999-12-31T00:00:00Z",
                 "subject_identities": [{"identity_type": "email", "identity_value": "oc@example.test",
                                         "identity_format": "raw"}],
                 "api_version": "1.0"}""".formatted(UUID.randomUUID());
        mvc.perform(post("/opencompliance/v1/opencompliance_requests")
                        .header("Authorization", bearer(Role.DELEGATE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors[0].message").value(Matchers.containsString("submitted_time")));
    }
}
