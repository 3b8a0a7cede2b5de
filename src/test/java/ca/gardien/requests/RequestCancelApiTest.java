package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The API's cancel took no reason while the console's keeps one (officer's review of 2026-12-07): a system that
 * cancels through the API may now say why, kept and recorded as the console's is, by the same step.
 */
class RequestCancelApiTest extends RequestsTestSupport {

    @Autowired
    RequestNotes notes;

    @Autowired
    Requests requests;

    private UUID received() throws Exception {
        return submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
    }

    private ResultActions cancel(UUID id, String bearer, String body) throws Exception {
        var request = post("/api/v1/requests/" + id + "/cancel").header("Authorization", bearer);
        return mvc.perform(
                body == null
                        ? request
                        : request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private RequestStatus statusOf(UUID id) {
        return requests.get(id).status();
    }

    @Test
    void aReasonGivenIsKeptAsTheRequestsNoteAndTheLedgerNamesItByAKeyedDigestOnly() throws Exception {
        var id = received();
        cancel(id, staff, "{\"reason\": \"Retirée par téléphone le 7 décembre\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        var note = notes.notes(id).getFirst();
        assertThat(note.body()).isEqualTo("Retirée par téléphone le 7 décembre");
        var fact = String.valueOf(awaitLedgerEntry("requests.cancelled", id).get("payload"));
        assertThat(fact)
                .contains("\"note\":\"" + note.id() + "\"", "\"reasonDigest\":\"")
                .doesNotContain("Retirée")
                .doesNotContain(ca.gardien.shared.Digests.sha256Hex(
                        "Retirée par téléphone le 7 décembre".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void withoutABodyTheRequestIsCancelledWithNoNote() throws Exception {
        var id = received();
        cancel(id, staff, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(notes.notes(id)).isEmpty();
        assertThat(String.valueOf(awaitLedgerEntry("requests.cancelled", id).get("payload")))
                .doesNotContain("reasonDigest");
        var other = received();
        cancel(other, staff, "{}").andExpect(status().isOk());
        assertThat(statusOf(other)).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void aReasonTooLongIsA400NamingReasonAndTheRequestStaysOpen() throws Exception {
        var id = received();
        cancel(id, staff, "{\"reason\": \"" + "x".repeat(4001) + "\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        cancel(id, staff, "{\"reasons\": \"misspelt\"}").andExpect(status().isBadRequest());
        assertThat(statusOf(id)).isEqualTo(RequestStatus.RECEIVED);
        assertThat(notes.notes(id)).isEmpty();
    }

    @Test
    void anAuditorCannotCancelWithOrWithoutAReason() throws Exception {
        var id = received();
        var auditor = bearer(Role.AUDITOR);
        cancel(id, auditor, "{\"reason\": \"Doublon\"}").andExpect(status().isForbidden());
        cancel(id, auditor, null).andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo(RequestStatus.RECEIVED);
        assertThat(notes.notes(id)).isEmpty();
    }
}
