package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A version in review sent back to draft with the reasons instead of approved (reviewers: it could only be approved):
 * by whoever may approve it, editable again, the last return shown, a ledger fact, and a 409 in words when it was
 * approved meanwhile.
 */
class PolicyReturnTest extends GovernanceTestSupport {

    @Autowired
    PolicyStore store;

    @Autowired
    PolicyValues values;

    @Autowired
    ActingOfficer officer;

    @Autowired
    ApplicationEventPublisher events;

    int inReview() throws Exception {
        int n = openDraft();
        send(officerBearer(), POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        return n;
    }

    @Test
    void thePersonInChargeSendsAVersionInReviewBackToDraftWithReasonsAndItIsEditableAgain() throws Exception {
        int n = inReview();
        var at = POLICIES + "/versions/" + n;
        send(officerBearer(), at + "/return", "{\"reason\":\"  \"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(bearer(Role.STAFF), at + "/return", "{\"reason\":\"Non.\"}").andExpect(problem(403, "forbidden"));
        send(bearer(Role.DELEGATE), at + "/return", "{\"reason\":\"Non.\"}").andExpect(problem(403, "forbidden"));
        send(officerBearer(), at + "/return", "{\"reason\":\"La section 15 omet le délai de 30 jours.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sha256").doesNotExist())
                .andExpect(jsonPath("$.returned.by").value("person-in-charge"))
                .andExpect(jsonPath("$.returned.reason").value("La section 15 omet le délai de 30 jours."));
        mvc.perform(put(at + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"headingFr":"15. Publication","headingEn":"15. Publication","fr":"Sous 30 jours.",
                                 "en":"Within 30 days."}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.returned.reason").value("La section 15 omet le délai de 30 jours."));
        var fact = awaitLedgerEntry("governance.returned-to-draft", "privacy-policy");
        assertThat(String.valueOf(fact)).contains("reasonSha256", "person-in-charge");
        awaitLedgerEntry("governance.return-refused", "privacy-policy");
        send(officerBearer(), at + "/return", "{\"reason\":\"Encore.\"}")
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("n’est pas en révision")));
    }

    @Test
    void aVersionApprovedBeforeTheReturnStaysApprovedAndTheAnswerSaysSo() throws Exception {
        int n = inReview();
        var at = POLICIES + "/versions/" + n;
        send(officerBearer(), at + "/approve", null).andExpect(status().isOk());
        mvc.perform(post(at + "/return")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Too late.\"}"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("already approved")));
        assertThat(store.version("privacy-policy", n).orElseThrow().status()).isEqualTo(PolicyStatus.APPROVED);
    }

    @Test
    void aReturnThatReadTheVersionInReviewJustBeforeItsApprovalIsRefusedAndTheApprovalStands() throws Exception {
        int n = inReview();
        var stale = store.version("privacy-policy", n).orElseThrow();
        send(officerBearer(), POLICIES + "/versions/" + n + "/approve", null).andExpect(status().isOk());
        var staleReads = Mockito.spy(
                new PolicyReads(store, values)); // the return read the version before the approval committed
        Mockito.doReturn(stale).doCallRealMethod().when(staleReads).find("privacy-policy", n);
        var returns = new PolicyReturns(store, staleReads, officer, events, clock);
        var inCharge =
                new GovernanceCaller(Actor.account(UUID.randomUUID()), Set.of(Role.PRIVACY_OFFICER), Optional.empty());
        assertThatThrownBy(() -> returns.toDraft("privacy-policy", n, "Trop tard.", inCharge))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("governance.conflict.return-approved");
        var kept = store.version("privacy-policy", n).orElseThrow();
        assertThat(kept.status()).isEqualTo(PolicyStatus.APPROVED);
        assertThat(kept.returned()).isEqualTo(stale.returned()); // no return recorded over the approval
    }

    /**
     * Attacker's review: a section sent to a version in review put it back to draft without a word, so the text the
     * approver was reading changed and no reason was ever recorded. It is refused, saying to send it back first.
     */
    @Test
    void aSectionOfAVersionInReviewIsRefusedSayingToSendItBackToDraftFirstAndNothingChanges() throws Exception {
        int n = inReview();
        var before = store.version("privacy-policy", n).orElseThrow();
        var edit = """
                {"headingFr":"15. Publication","headingEn":"15. Publication","fr":"Changé en révision.",
                 "en":"Changed in review."}""";
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit))
                .andExpect(problem(409, "conflict"))
                .andExpect(
                        jsonPath("$.detail").value(containsString("renvoyez-la d’abord en brouillon avec vos motifs")));
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("first send it back to draft with your reasons")));
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = as(Role.PRIVACY_OFFICER);
        var refused = mvc.perform(post(page + "/sections/s15")
                        .session(session)
                        .with(csrf())
                        .param("headingFr", "15. Publication")
                        .param("headingEn", "15. Publication")
                        .param("fr", "Changé en révision.")
                        .param("en", "Changed in review."))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .contains("La version " + n + " est en révision\u202f:", "Renvoyer en brouillon");
        var after = store.version("privacy-policy", n).orElseThrow();
        assertThat(after.status()).isEqualTo(PolicyStatus.REVIEW);
        assertThat(after.sha256()).isEqualTo(before.sha256());
        assertThat(after.sections()).isEqualTo(before.sections());
        assertThat(after.rowVersion()).isEqualTo(before.rowVersion());
        // sent back with the reasons, it is edited again
        send(officerBearer(), POLICIES + "/versions/" + n + "/return", "{\"reason\":\"Le §15 change.\"}")
                .andExpect(status().isOk());
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void theConsoleOffersTheReturnBesideTheApprovalAndShowsTheReasonsOnTheDraft() throws Exception {
        int n = inReview();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var officerSession = as(Role.PRIVACY_OFFICER);
        assertThat(consolePage(page, officerSession)).contains("id=\"return-form\"", "Renvoyer en brouillon");
        assertThat(consolePage(page, as(Role.DELEGATE))).doesNotContain("id=\"return-form\"");
        mvc.perform(post(page + "/return").session(officerSession).with(csrf()).param("reason", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("typedForm", "return"));
        mvc.perform(post(page + "/return")
                        .session(officerSession)
                        .with(csrf())
                        .param("reason", "Le §13 nomme l’ancienne personne responsable."))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "policy-return"));
        assertThat(consolePage(page, officerSession))
                .contains("Renvoyée en brouillon", "Le §13 nomme l’ancienne personne responsable.", "id=\"edit-s15\"");
    }
}
