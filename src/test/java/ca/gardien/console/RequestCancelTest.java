package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import org.junit.jupiter.api.Test;

/**
 * The officer's review of 2026-12-07: cancelling asked « La personne en sera informée », yet no message went, and no
 * reason was asked. The question now says that no message goes, and a reason may be given: kept as the request's note,
 * named by the ledger's fact without its words.
 */
class RequestCancelTest extends RequestConsoleSupport {

    @Test
    void cancellingSaysNoMessageGoesSendsNoneAndKeepsTheReasonAsANote() throws Exception {
        var id = received("ACCESS"); // its email not verified
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .contains("Aucun message n’est envoyé à la personne")
                // a French browser's buttons are "OK" and "Annuler": the question says which one cancels (review)
                .contains("OK\u202f: annuler la demande. Annuler\u202f: la garder ouverte.")
                .contains("id=\"cancelReason\"")
                .doesNotContain("La personne en sera informée");
        int before = outbox.about(id.toString()).size();
        var done = mvc.perform(post("/console/requests/" + id + "/cancel")
                        .session(staff)
                        .with(csrf())
                        .param("reason", "Retirée par téléphone le 7 décembre"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/console/requests/" + id);
        assertThat(done.getFlashMap().get("refused")).isNull();
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(outbox.about(id.toString())).as("no message to the person").hasSize(before);
        assertThat(pageAfter(staff, id, done.getFlashMap()))
                .contains("La demande est annulée.")
                .contains("Retirée par téléphone le 7 décembre"); // the note, on the page
        var fact = String.valueOf(awaitLedgerEntry("requests.cancelled", id).get("payload"));
        assertThat(fact)
                .contains("\"note\":\"", "\"reasonDigest\":\"")
                .doesNotContain("Retirée")
                // keyed: a short reason cannot be found again by hashing guesses (attacker's second pass)
                .doesNotContain(ca.gardien.shared.Digests.sha256Hex(
                        "Retirée par téléphone le 7 décembre".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aReasonTooLongComesBackNextToItsFieldAndTheRequestStaysOpen() throws Exception {
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        var refused = mvc.perform(post("/console/requests/" + id + "/cancel")
                        .session(staff)
                        .with(csrf())
                        .param("reason", "x".repeat(4001)))
                .andReturn()
                .getFlashMap();
        assertThat(String.valueOf(refused.get("refused"))).contains("Motif de l’annulation");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(pageAfter(staff, id, refused))
                .as("titled as the console titles a refused form, not as a step refused (officer's walk)")
                .contains("Corrigez les champs signalés.")
                .doesNotContain("Refusé")
                .contains("id=\"cancelReason-error\"")
                .contains("href=\"#cancelReason\"")
                .doesNotContain("id=\"notes\"");
    }
}
