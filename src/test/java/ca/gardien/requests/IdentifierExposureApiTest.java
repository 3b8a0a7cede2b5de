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
    void aReaderWithoutATokenGetsNothing() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", null);
        mvc.perform(get("/api/v1/requests/" + id)).andExpect(problem(401, "unauthenticated"));
    }
}
