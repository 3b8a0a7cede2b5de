package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The privacy officer's walk of the console on 2026-12-05: the tasks of an access request offered "Changement effectué",
 * "Me l’assigner" stayed once the task was the reader's, and a closed request showed a second status beside its own.
 */
class RequestPageWalkTest extends RequestConsoleSupport {

    private static String taskRow(String page, UUID task) {
        var start = page.indexOf("id=\"task-" + task + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void anAccessTaskOffersOnlyFoundOrNothingFoundAndAChangeIsRefusedInWords() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        var row = taskRow(page("/console/requests/" + id, staff), task.id());
        assertThat(row)
                .contains("value=\"FOUND\"", "value=\"NOT_FOUND\"")
                .doesNotContain("value=\"DONE\"")
                .doesNotContain("Changement effectué");

        assertThat(refusal(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "DONE"))
                .contains("Renseignements trouvés")
                .contains("Aucun renseignement")
                .doesNotContain("DONE");
        assertThat(tasks.of(id).getFirst().done()).as("nothing recorded").isFalse();
    }

    @Test
    void aRectificationTaskOffersTheChangeAndNotFoundInformation() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("RECTIFICATION", staff);
        var task = tasks.of(id).getFirst();
        assertThat(taskRow(page("/console/requests/" + id, staff), task.id()))
                .contains("value=\"DONE\"", "value=\"NOT_FOUND\"")
                .doesNotContain("value=\"FOUND\"")
                .as("no grid of what was found on a change (officer's re-walk)")
                .doesNotContain("class=\"found-rows\"")
                .doesNotContain("/rows\"");
        assertThat(page("/console/requests/" + inProgress("ACCESS", staff), staff))
                .contains("class=\"found-rows\"")
                // staff read the type in the third person, not the person's "Accès à mes renseignements"
                .contains("<h1><span>Accès aux renseignements personnels</span>")
                .doesNotContain("Accès à mes renseignements");
        assertThat(refusal(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "vu"))
                .contains("Changement effectué");
        act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "DONE", "note", "adresse corrigée");
        assertThat(tasks.of(id).getFirst().outcome()).isEqualTo("DONE");
    }

    /** Officer's walk: the default outcome sent with nothing recorded "information found (0)" in the ledger for good. */
    @Test
    void informationFoundWithNeitherARowNorANoteIsRefusedAndNothingIsRecorded() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        assertThat(refusal(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", " "))
                .contains("demande au moins une ligne de ce qui a été trouvé");
        assertThat(tasks.of(id).getFirst().done()).isFalse();
        act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "Dossier papier, classeur 3");
        assertThat(tasks.of(id).getFirst().outcome()).isEqualTo("FOUND");
    }

    @Test
    void assignToMeIsOfferedOnlyWhileTheTaskIsNotTheReadersAndOthersAreNamed() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        var assign = "/tasks/" + task.id() + "/assign";
        assertThat(taskRow(page("/console/requests/" + id, staff), task.id())).contains("Me l’assigner");

        act(staff, id, assign);
        var mine = taskRow(page("/console/requests/" + id, staff), task.id());
        assertThat(mine).contains(">moi<").doesNotContain("Me l’assigner").doesNotContain(assign);
        act(staff, id, assign); // a second click (an old tab) changes nothing and records nothing
        assertThat(ledgerEntries(officerBearer()).stream()
                        .filter(e -> "requests.task-assigned".equals(e.get("action")))
                        .filter(e -> id.toString().equals(e.get("objectId"))))
                .hasSize(1);

        var delegate = session(Role.DELEGATE);
        var theirs = taskRow(page("/console/requests/" + id, delegate), task.id());
        assertThat(theirs)
                .as("someone else's task names its assignee, never by id, and may be taken over")
                .doesNotContain(String.valueOf(tasks.of(id).getFirst().assignee()))
                .contains("Me l’assigner");
    }

    @Test
    void aClosedRequestShowsOneStatusItsOwn() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Aucun renseignement.");
        var officer = session(Role.PRIVACY_OFFICER);
        act(officer, id, "/approve");
        act(officer, id, "/send");
        var sent = page("/console/requests/" + id, officer);
        assertThat(sent.substring(0, sent.indexOf("id=\"timeline-section\"")))
                // no mail server in these tests: the answer's email waits in the outbox, and the status says so
                .contains("<dd id=\"status\">Réponse placée dans la boîte d’envoi (non partie)</dd>")
                .doesNotContain("Fermée");
        act(officer, id, "/close");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);

        var page = page("/console/requests/" + id, officer);
        var beforeTimeline = page.substring(0, page.indexOf("id=\"timeline-section\""));
        assertThat(beforeTimeline)
                // closed, and the person still has nothing: the answer's email never left (RequestClosedWhileHeldTest)
                .contains("<dd id=\"status\">Fermée, réponse retenue dans la boîte d’envoi (non partie)</dd>")
                .doesNotContain("<dd id=\"status\">Réponse placée");
        assertThat(beforeTimeline.split("<dd id=\"status\">", -1))
                .as("one status")
                .hasSize(2);
    }

    /** Sensitive information in scope, every identifier proven, and the proof of identity rejected: a refusal drafted. */
    private UUID refusalDrafted(MockHttpSession staff) throws Exception {
        inventory.apply(RequestConsoleWorkTest.SENSITIVE_MAP, Actor.SYSTEM);
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        act(staff, id, "/identity-review", "approved", "false");
        draftIdentityRefusal(staff, id);
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        assertThat(tasks.of(id)).isEmpty();
        return id;
    }

    @Test
    void aRefusalForAnUnestablishedIdentityIsWithdrawnWhenTheIdentityIsVerifiedAnotherWay() throws Exception {
        var staff = session(Role.STAFF);
        var id = refusalDrafted(staff);
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer))
                .as("the other ways stay offered while the refusal is only drafted")
                .contains("id=\"prove-person\"")
                .contains("id=\"identity-review\"");

        act(officer, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Passeport vu au comptoir");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(tasks.of(id)).as("back to its tasks").isNotEmpty();
        var fact = awaitLedgerEntry("requests.refusal-withdrawn", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("REFUSAL").contains("RESPONSE_DRAFTED");
        var page = page("/console/requests/" + id, officer);
        assertThat(page).doesNotContain("id=\"response-outcome\"").contains("Refus retiré");
    }

    @Test
    void anApprovedRefusalIsWithdrawnWhenTheProofIsAcceptedOnASecondLook() throws Exception {
        var staff = session(Role.STAFF);
        var id = refusalDrafted(staff);
        act(session(Role.DELEGATE), id, "/approve");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
        act(staff, id, "/identity-review", "approved", "true");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(tasks.of(id)).isNotEmpty();
        assertThat(String.valueOf(
                        awaitLedgerEntry("requests.refusal-withdrawn", id).get("payload")))
                .contains("APPROVED");
    }

    /** The officer's walk: "still waiting … (an identifier to verify or the proof to review)" did not say which. */
    @Test
    void anIdentityStepThatLeavesTheRequestWaitingSaysForWhat() throws Exception {
        var id = received("ACCESS"); // an email and a customer number
        var staff = session(Role.STAFF);
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/requests/" + id + "/identifiers/CUSTOMER/confirm")
                .session(staff)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("basis", "CUSTOMER_RECORD_MATCH")
                .param("reason", "Au dossier");
        var flash = mvc.perform(request).andReturn().getFlashMap();
        assertThat(flash.get("doneKey"))
                .as("the email's code is still to be typed")
                .isEqualTo("identity.waiting.codes");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
    }
}
