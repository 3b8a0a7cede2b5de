package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding L1 (least exposure): an auditor reads requests with masked identifiers; the person in charge,
 * delegates and staff, who work requests, read them in clear.
 */
class IdentifierExposureApiTest extends RequestsTestSupport {

    String read(UUID id, String bearer) throws Exception {
        return mvc.perform(get("/api/v1/requests/" + id).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anAuditorSeesMaskedIdentifiersWhereADelegateSeesThemInClear() throws Exception {
        var email = email();
        var id = submitted(
                "{\"email\": \"" + email + "\", \"phone\": \"+1 418 555 0123\", \"customerNumber\": \"C-0042\"}",
                "ACCESS",
                "QC",
                "customer");

        var auditor = bearer(Role.AUDITOR);
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", auditor))
                .andExpect(jsonPath("$.identifiers[?(@.kind == 'EMAIL')].value").value("p•••@example.test"))
                .andExpect(jsonPath("$.identifiers[?(@.kind == 'PHONE')].value").value("+1•••••••0123"))
                .andExpect(
                        jsonPath("$.identifiers[?(@.kind == 'CUSTOMER')].value").value("C•••"));
        assertThat(read(id, auditor))
                .doesNotContain(email)
                .doesNotContain("4185550123")
                .doesNotContain("C-0042");
        assertThat(mvc.perform(get("/api/v1/requests/" + id + "/tasks").header("Authorization", auditor))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(email);

        for (var reader : new String[] {bearer(Role.DELEGATE), staff, officerBearer()}) {
            mvc.perform(get("/api/v1/requests/" + id).header("Authorization", reader))
                    .andExpect(jsonPath("$.identifiers[?(@.kind == 'EMAIL')].value")
                            .value(email))
                    .andExpect(jsonPath("$.identifiers[?(@.kind == 'PHONE')].value")
                            .value("+14185550123"))
                    .andExpect(jsonPath("$.identifiers[?(@.kind == 'CUSTOMER')].value")
                            .value("C-0042"));
        }
    }

    @Test
    void aStepAnswersWithoutTheIdentifiersValuesSoThatOnlyARecordedReadShowsThem() throws Exception {
        var email = email();
        var created = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/requests")
                                .header("Authorization", staff)
                                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                .content("{\"type\":\"ACCESS\",\"jurisdiction\":\"QC\",\"channel\":\"API\","
                                        + "\"subject\":{\"email\":\"" + email + "\",\"customerNumber\":\"C-0077\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.identifiers[?(@.kind == 'EMAIL')].kind").value("EMAIL"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(created).doesNotContain(email).doesNotContain("C-0077");
        var id = UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));

        var cancelled = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/requests/" + id + "/cancel")
                        .header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(cancelled).doesNotContain(email).doesNotContain("C-0077");
        awaitLedgerEntry("requests.cancelled", id);

        assertThat(read(id, staff)).contains(email).contains("C-0077");
        awaitLedgerEntry("requests.identifiers-viewed", id);
        assertThat(ledgerEntries(officerBearer()).stream()
                        .filter(e -> "requests.identifiers-viewed".equals(e.get("action")))
                        .filter(e -> id.toString().equals(e.get("objectId"))))
                .as("the read alone showed them")
                .hasSize(1);
    }

    @Test
    void aReaderWithoutATokenGetsNothing() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", null);
        mvc.perform(get("/api/v1/requests/" + id)).andExpect(problem(401, "unauthenticated"));
    }
}
