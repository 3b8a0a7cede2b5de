package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's request queue and request page, by role. */
class RequestConsoleTest extends RequestConsoleSupport {

    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.requests.Responses responses;

    @Test
    void listsOpenRequestsByDueDateWithUrgencyFiltersAndBurnDown() throws Exception {
        var access = received("ACCESS");
        var rectification = received("RECTIFICATION");
        var auditor = session(Role.AUDITOR);
        var queue = page("/console/requests", auditor);
        assertThat(queue)
                .contains("data-request=\"" + access + "\"")
                .contains("data-request=\"" + rectification + "\"")
                .contains("class=\"urgency ok\"")
                .contains("id=\"burn-down\"")
                .contains("<svg class=\"burndown\"");
        assertThat(page("/console/requests?type=RECTIFICATION", auditor))
                .contains("data-request=\"" + rectification + "\"")
                .doesNotContain("data-request=\"" + access + "\"");
        assertThat(page("/console/requests?days=-1&lang=en", auditor))
                .doesNotContain("data-request=\"" + access + "\"")
                .contains("Open requests by days left");
        assertThat(page("/console/requests?status=CANCELLED", auditor)).doesNotContain("data-request=\"" + access);
    }

    @Test
    void staffWorkTheRequestAndTheOfficerApprovesWhileEveryStepIsOnTheTimeline() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"cancel\"")
                .doesNotContain("id=\"approve\"");

        // issue 11: the confirmation says what was checked; without it the step is refused and nothing moves
        assertThat(refusal(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH"))
                .startsWith("Ce qui a été vérifié : "); // the field named by its label on the page
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        act(
                staff,
                id,
                "/identifiers/CUSTOMER/confirm",
                "basis",
                "CUSTOMER_RECORD_MATCH",
                "reason",
                "Found in the customer file");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        var task = tasks.of(id).getFirst();
        // each step on a task comes back to that task's card, not to the top of a long page
        mvc.perform(post("/console/requests/" + id + "/tasks/" + task.id() + "/assign")
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id + "#task-" + task.id()));
        assertThat(tasks.of(id).getFirst().assignee()).isNotNull();
        act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "one record in CRM");
        assertThat(tasks.of(id).getFirst().done()).isTrue();

        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Here is your information.");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        mvc.perform(post("/console/requests/" + id + "/approve").session(staff).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        var officer = login(OFFICER, OFFICER_PASSWORD);
        assertThat(page("/console/requests/" + id, officer)).contains("id=\"approve\"");
        act(officer, id, "/approve");
        act(staff, id, "/send");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);

        awaitLedgerEntry("requests.sent", id);
        var detail = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(detail)
                .contains("requests.received")
                .contains("requests.identifier-verified")
                .contains("requests.task-completed")
                .contains("requests.approved")
                .contains("requests.sent")
                .contains("id=\"messages\"")
                .contains("crm");
        // issue 11: the auditor sees the identifiers masked (before, none at all), never in clear
        assertThat(detail)
                .doesNotContain(code(id))
                .doesNotContainPattern("console-[0-9a-f]{8}@example\\.test")
                .contains("c•••@example.test")
                .doesNotContain("Found in the customer file")
                .as("only those who may open the outbox get a link to a message")
                .doesNotContain("class=\"message-link\"");
        // the person in charge opens each message of the request in the outbox (officer's walk: finding the code)
        assertThat(page("/console/requests/" + id, officer))
                .containsPattern("<a class=\"message-link\"\\s+href=\"/console/outbox/[0-9a-f-]{36}\">");
    }

    @Test
    void editingAnApprovedAnswerSaysTheApprovalIsWithdrawnAndAsksForANewOne() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var clerk = person(Role.STAFF);
        var staff = login(clerk.username(), clerk.password());
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        var task = tasks.of(id).getFirst();
        act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "nothing held");
        // a task finished without being taken first is the task of whoever finished it (its card said "—")
        assertThat(tasks.of(id).getFirst().assignee()).isEqualTo(clerk.id());
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "We hold nothing about you.");
        act(login(OFFICER, OFFICER_PASSWORD), id, "/approve");

        var flash = mvc.perform(post("/console/requests/" + id + "/response")
                        .session(staff)
                        .with(csrf())
                        .param("outcome", "FULFILLED")
                        .param("message", "We hold nothing about you, as of today."))
                .andReturn()
                .getFlashMap();

        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        assertThat(pageAfter(staff, id, flash))
                .contains("L’approbation de la réponse est retirée")
                .doesNotContain("C’est fait.");
        // and the request's history says it, not a second "answer drafted"
        awaitLedgerEntry(
                "requests.response-drafted",
                e -> id.toString().equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("withdrawn"));
        assertThat(page("/console/requests/" + id, staff))
                .contains("Réponse modifiée après son approbation : approbation retirée");
        assertThat(page("/console/requests/" + id + "?lang=en", staff))
                .contains("Answer changed after its approval: approval withdrawn");
    }

    @Test
    void anApprovalIsOfTheAnswerThePageShowedAndSavingItUnchangedKeepsIt() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        act(staff, id, "/tasks/" + tasks.of(id).getFirst().id() + "/complete", "outcome", "NOT_FOUND");
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Le texte que l’officier lit.");
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var read = ANSWER.matcher(page("/console/requests/" + id, officer));
        assertThat(read.find()).as("the approve form names the answer it shows").isTrue();

        // another hand changes the answer while the officer reads the page: approving it is refused, nothing moves
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Un texte que l’officier n’a pas lu.");
        assertThat(refusal(officer, id, "/approve", "answer", read.group(1))).contains("La réponse a été modifiée");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        var reread = ANSWER.matcher(page("/console/requests/" + id, officer));
        assertThat(reread.find()).isTrue();
        act(officer, id, "/approve", "answer", reread.group(1));
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Un texte que l’officier n’a pas lu.");
        assertThat(requests.get(id).status())
                .as("saved unchanged: still approved")
                .isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void anApprovalWithoutTheAnswerReadIsRefusedAndABrowsersLineEndsDoNotWithdrawIt() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        act(staff, id, "/tasks/" + tasks.of(id).getFirst().id() + "/complete", "outcome", "NOT_FOUND");
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Première ligne.\r\nDeuxième ligne.");
        var officer = login(OFFICER, OFFICER_PASSWORD);

        // a form that names no answer approves nothing unseen
        assertThat(refusal(officer, id, "/approve")).contains("ne dit pas quelle réponse");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        act(officer, id, "/approve", "answer", fingerprint(page("/console/requests/" + id, officer)));
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
        // the same text as the API would send it (\n) and as a browser sends it back (\r\n): the approval stands
        responses.draft(
                id,
                new ca.gardien.requests.ResponseDraft(
                        "FULFILLED", "Première ligne.\nDeuxième ligne.", null, null, null, null),
                Actor.SYSTEM);
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Première ligne.\r\nDeuxième ligne.");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
    }

    private static String fingerprint(String page) {
        var shown = ANSWER.matcher(page);
        assertThat(shown.find()).isTrue();
        return shown.group(1);
    }

    private static final java.util.regex.Pattern ANSWER =
            java.util.regex.Pattern.compile("name=\"answer\" value=\"([0-9a-f]{64})\"");

    @Test
    void auditorsReadButCannotActAndARefusedStepLeavesTheRequestAsItWas() throws Exception {
        var id = received("ACCESS");
        var auditor = session(Role.AUDITOR);
        var page = page("/console/requests/" + id, auditor);
        assertThat(page)
                .contains("id=\"timeline\"")
                .doesNotContain("id=\"cancel\"")
                .doesNotContain("<form id=\"response-form\"");
        mvc.perform(post("/console/requests/" + id + "/cancel").session(auditor).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);

        var staff = session(Role.STAFF);
        assertThat(refusal(staff, id, "/response", "outcome", "REFUSAL", "reasons", "Not held."))
                .contains("Dispositions de la loi invoquées") // named in words (officer review), not legalProvisions
                .contains("Recours");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(refusal(staff, id, "/tasks/" + UUID.randomUUID() + "/complete", "outcome", "BOGUS"))
                .contains("Résultat"); // the field named by its label, not "outcome"
        mvc.perform(get("/console/requests/" + UUID.randomUUID()).session(staff))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/requests/" + UUID.randomUUID() + "/cancel")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        act(staff, id, "/cancel");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void staffReviewARepresentativesDocumentAndExtendAGdprTimeLimitWithReasons() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var id = intake.submit(
                        new NewRequest(
                                "ERASURE",
                                new NewRequest.Subject("rep-" + suffix + "@example.test", null, null),
                                "GDPR",
                                "API",
                                "en",
                                null,
                                "customer",
                                "MANDATARY",
                                null),
                        Actor.SYSTEM)
                .id();
        var document = representatives.upload(
                id, new RequestIntake.Upload("application/pdf", "%PDF-1.4 mandate".getBytes()), Actor.SYSTEM);
        var staff = session(Role.STAFF);
        var page = page("/console/requests/" + id, staff);
        assertThat(page).contains("/documents/" + document + "/review").contains("id=\"extend\"");
        act(staff, id, "/documents/" + document + "/review", "approved", "true");
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("/documents/" + document + "/review");
        assertThat(refusal(staff, id, "/extend", "reasons", "")).contains("Motifs"); // the field, named in words
        var before = requests.get(id);
        act(staff, id, "/extend", "reasons", "Many systems to search.");
        assertThat(requests.get(id).dueOn()).isEqualTo(before.extendedDueOn()).isAfter(before.dueOn());
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("id=\"extend\"");
    }
}
