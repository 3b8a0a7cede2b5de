package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 11, finding M1: staff confirm only what staff can prove (the customer number), always with a reason; an email
 * or a phone takes its code. The person in charge or a delegate may record a check of the person as a whole.
 */
class StaffProofsApiTest extends RequestsTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    RequestRetention retention;

    static final String REASON = "Account C-42 found in the CRM; postal code and birth year matched";

    ResultActions confirm(UUID id, String kind, String bearer, String json) throws Exception {
        var call = post("/api/v1/requests/" + id + "/identifiers/" + kind + "/confirm")
                .header("Authorization", bearer);
        return mvc.perform(
                json == null
                        ? call
                        : call.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions provePerson(UUID id, String bearer, String json) throws Exception {
        return mvc.perform(post("/api/v1/requests/" + id + "/identity-proof")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void staffCannotConfirmAnEmailOrAPhoneEvenWithAReason() throws Exception {
        var id = submitted(
                "{\"email\": \"" + email() + "\", \"phone\": \"(418) 555-0123\"}", "ACCESS", "QC", "customer");
        var body = "{\"basis\": \"OTHER\", \"reason\": \"The caller knew the address\"}";
        for (var bearer : new String[] {staff, officerBearer()}) {
            confirm(id, "EMAIL", bearer, body)
                    .andExpect(problem(409, "code-required"))
                    .andExpect(jsonPath("$.kind").value("EMAIL"));
            confirm(id, "PHONE", bearer, body)
                    .andExpect(problem(409, "code-required"))
                    .andExpect(jsonPath("$.kind").value("PHONE"));
        }
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.identifiers[*].verified").value(Matchers.everyItem(Matchers.is(false))));
        assertThat(tasks(id)).isEqualTo("[]");
    }

    @Test
    void aCustomerNumberConfirmationWithoutAReasonIsRefusedNamingIt() throws Exception {
        var id = submitted("{\"customerNumber\": \"C-42\"}", "ACCESS", "QC", "customer");
        confirm(id, "CUSTOMER", staff, null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
        confirm(id, "CUSTOMER", staff, "{\"reason\": \"   \"}")
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
        confirm(id, "CUSTOMER", staff, "{\"reason\": \"" + "x".repeat(501) + "\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
        confirm(id, "CUSTOMER", staff, "{\"basis\": \"CONTROLLER_ASSERTION\", \"reason\": \"" + REASON + "\"}")
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("basis")));
        confirm(id, "CUSTOMER", staff, "{\"basis\": \"HUNCH\", \"reason\": \"" + REASON + "\"}")
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("basis")));
        confirm(id, "CUSTOMER", bearer(Role.AUDITOR), "{\"reason\": \"" + REASON + "\"}")
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.identifiers[0].verified").value(false));
    }

    @Test
    void aCustomerNumberConfirmedWithAReasonKeepsTheReasonWithTheRequestAndOnlyItsBasisInTheLedger() throws Exception {
        var id = submitted("{\"customerNumber\": \"C-42\"}", "ACCESS", "QC", "customer");
        confirm(id, "CUSTOMER", staff, "{\"basis\": \"CUSTOMER_RECORD_MATCH\", \"reason\": \"" + REASON + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.identifiers[0].verifiedBy").value("STAFF"))
                .andExpect(jsonPath("$.identifiers[0].proof.basis").value("CUSTOMER_RECORD_MATCH"))
                .andExpect(jsonPath("$.identifiers[0].proof.reason").doesNotExist()); // a step shows no values
        // the recorded read shows the reason to those who work requests
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.identifiers[0].proof.reason").value(REASON));

        var fact = awaitLedgerEntry("requests.identifier-verified", id);
        var payload = String.valueOf(fact.get("payload"));
        assertThat(payload)
                .contains("\"kind\":\"CUSTOMER\"")
                .contains("\"method\":\"STAFF\"")
                .contains("\"basis\":\"CUSTOMER_RECORD_MATCH\"")
                .contains("\"reasonLength\":\"" + REASON.length() + "\"");
        assertThat(fact.toString())
                .doesNotContain("CRM;")
                .doesNotContain("postal code")
                .doesNotContain("C-42");
        // an auditor sees that staff confirmed it and on what basis, not the reason text
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$.identifiers[0].proof.basis").value("CUSTOMER_RECORD_MATCH"))
                .andExpect(jsonPath("$.identifiers[0].proof.reason").doesNotExist());
    }

    @Test
    void theOfficerOrADelegateRecordsAnInPersonCheckWhichProvesThePersonButVerifiesNoEmail() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var check = "{\"basis\": \"IN_PERSON_ID_CHECK\", \"reason\": \"Driver's licence checked at the front desk\"}";
        provePerson(id, staff, check).andExpect(problem(403, "forbidden"));
        provePerson(id, bearer(Role.AUDITOR), check).andExpect(problem(403, "forbidden"));
        var delegate = bearer(Role.DELEGATE);
        provePerson(id, delegate, "{\"basis\": \"IN_PERSON_ID_CHECK\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("reason")));
        provePerson(id, delegate, "{\"basis\": \"CUSTOMER_RECORD_MATCH\", \"reason\": \"file\"}")
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("basis")));

        provePerson(id, delegate, check)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.personProof.basis").value("IN_PERSON_ID_CHECK"))
                .andExpect(jsonPath("$.identifiers[0].kind").value("EMAIL"))
                .andExpect(jsonPath("$.identifiers[0].verified").value(false));
        provePerson(id, officerBearer(), check).andExpect(problem(409, "conflict"));
        var fact = awaitLedgerEntry("requests.person-verified", id);
        assertThat(fact.toString()).contains("IN_PERSON_ID_CHECK").doesNotContain("licence");
    }

    @Test
    void theReasonIsDestroyedWithTheRequestsOtherPersonalInformation() throws Exception {
        var id = submitted("{\"customerNumber\": \"C-42\"}", "ACCESS", "QC", "customer");
        confirm(id, "CUSTOMER", staff, "{\"reason\": \"" + REASON + "\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        clock.advance(java.time.Duration.ofDays(367));
        retention.sweep();

        assertThat(jdbc.sql("SELECT basis, reason FROM requests_staff_proof WHERE request_id = ?")
                        .param(id)
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                        .single())
                .isEqualTo("CUSTOMER_RECORD_MATCH/null");
        assertThat(String.valueOf(awaitLedgerEntry("requests.purged", id).get("payload")))
                .contains("\"staffProofReasons\":\"1\"");
    }

    @Test
    void anIdentityProofOfAnUnknownRequestIsA404() throws Exception {
        confirm(UUID.randomUUID(), "CUSTOMER", staff, "{\"reason\": \"" + REASON + "\"}")
                .andExpect(problem(404, "not-found"));
        provePerson(UUID.randomUUID(), officerBearer(), "{\"reason\": \"" + REASON + "\"}")
                .andExpect(problem(404, "not-found"));
    }

    private String tasks(UUID id) throws Exception {
        return mvc.perform(get("/api/v1/requests/" + id + "/tasks").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
