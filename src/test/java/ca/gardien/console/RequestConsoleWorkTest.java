package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on the console's request page: what the person asked, each display of identifiers in clear on the ledger, only
 * the steps that can succeed, a new code sent from the console, and a refused save that keeps what was typed.
 */
class RequestConsoleWorkTest extends RequestConsoleSupport {

    static final String SENSITIVE_MAP = MAP.replace(
                    "piCategories:\n",
                    "piCategories:\n  - {id: health, name: {fr: Santé, en: Health}, sensitive: true}\n")
            .replace("categories: [contact]", "categories: [contact, health]");

    @Test
    void thePageShowsTheDetailsLanguageAndReferenceAndEachDisplayInClearIsALedgerFact() throws Exception {
        var email = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var request = intake.submit(
                new NewRequest(
                        "ACCESS",
                        new NewRequest.Subject(email, null, null),
                        "QC",
                        "PORTAL",
                        "en",
                        "Je voudrais savoir quels renseignements vous détenez sur moi.",
                        "customer",
                        null,
                        null),
                Actor.SYSTEM);
        var id = request.id();

        var auditor = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(auditor)
                .contains("Je voudrais savoir quels renseignements vous détenez sur moi.")
                .contains("p•••@example.test")
                .doesNotContain(email);

        var delegate = person(Role.DELEGATE);
        var page = page("/console/requests/" + id, login(delegate.username(), delegate.password()));
        assertThat(page)
                .contains("Je voudrais savoir quels renseignements vous détenez sur moi.")
                .contains(email)
                .contains("<dd id=\"reference\" data-raw>" + request.reference() + "</dd>")
                .contains("<dd id=\"answer-language\">anglais</dd>");

        var fact = awaitLedgerEntry("requests.identifiers-viewed", id);
        assertThat(String.valueOf(fact.get("actor"))).contains(delegate.id().toString());
        assertThat(String.valueOf(fact.get("payload"))).contains("EMAIL").doesNotContain(email);
        assertThat(ledgerEntries(officerBearer()).stream()
                        .filter(e -> "requests.identifiers-viewed".equals(e.get("action")))
                        .filter(e -> id.toString().equals(e.get("objectId"))))
                .as("the auditor's masked view is no display in clear")
                .hasSize(1);
    }

    @Test
    void proofReviewWaitsForAProofAndTheResponseFormForTheTasks() throws Exception {
        inventory.apply(SENSITIVE_MAP, Actor.SYSTEM);
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .doesNotContain("id=\"identity-review\"")
                .contains("id=\"review-awaits\"")
                .doesNotContain("id=\"response-form\"")
                .contains("id=\"draft-later\"");

        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"identity-review\"")
                .doesNotContain("id=\"response-form\"");

        act(staff, id, "/identity-review", "approved", "true");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(tasks.of(id)).as("the data map gives the request tasks").isNotEmpty();
        assertThat(page("/console/requests/" + id, staff))
                .as("the draft step refuses a response while a task is open: the page does not offer it")
                .doesNotContain("id=\"identity-review\"")
                .doesNotContain("id=\"response-form\"")
                .contains("id=\"draft-later\"");

        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "checked");
        }
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"response-form\"")
                .doesNotContain("id=\"draft-later\"");
    }

    @Test
    void theIdentityCheckFormDoesNotDenyAnEmailTheCodeAlreadyProved() throws Exception {
        inventory.apply(SENSITIVE_MAP, Actor.SYSTEM); // sensitive information: the request waits for a review
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var officer = session(Role.PRIVACY_OFFICER);
        var fr = page("/console/requests/" + id, officer);
        var en = page("/console/requests/" + id + "?lang=en", officer);

        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(fr)
                .contains("id=\"prove-person\"")
                .contains("<span>vérifié</span>")
                .contains("Cette vérification confirme qui est la personne\u202f; elle ne remplace pas les codes")
                .doesNotContain("Aucun courriel ni téléphone")
                // codes confirmed, nothing to review yet: the page says what to do next (officer's review)
                .contains("id=\"review-awaits\"")
                .contains("Prochaine étape\u202f: consignez une vérification de la personne (ci-dessus)");
        assertThat(en).contains("<span>verified</span>").doesNotContain("No email or phone is marked verified");
    }

    @Test
    void staffSendANewCodeWithinTheHourlyLimitAndAuditorsCannot() throws Exception {
        var id = received("ACCESS"); // intake sent the first code
        var staff = person(Role.STAFF);
        var session = login(staff.username(), staff.password());
        assertThat(page("/console/requests/" + id, session))
                .contains("id=\"send-code-EMAIL\"")
                .doesNotContain("id=\"send-code-CUSTOMER\"");
        var auditor = session(Role.AUDITOR);
        assertThat(page("/console/requests/" + id, auditor)).doesNotContain("id=\"send-code-EMAIL\"");
        mvc.perform(post("/console/requests/" + id + "/identifiers/EMAIL/code")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());

        act(session, id, "/identifiers/EMAIL/code");
        act(session, id, "/identifiers/EMAIL/code");
        assertThat(refusal(session, id, "/identifiers/EMAIL/code")).isNotBlank(); // three codes an hour
        assertThat(refusal(session, id, "/identifiers/CUSTOMER/code")).isNotBlank();
        mvc.perform(post("/console/requests/" + id + "/identifiers/BOGUS/code")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(outbox.about(id.toString()).stream().filter(m -> m.template().equals("requests.code")))
                .hasSize(3);
        var sent = awaitLedgerEntry(
                "requests.code-sent",
                e -> id.toString().equals(e.get("objectId"))
                        && String.valueOf(e.get("actor")).contains(staff.id().toString()));
        assertThat(String.valueOf(sent.get("payload"))).contains("EMAIL");

        verification.verify(id, IdentifierKind.EMAIL, code(id)); // the latest code, read as in the outbox page
        assertThat(requests.get(id).identifiers())
                .filteredOn(i -> i.kind() == IdentifierKind.EMAIL)
                .allMatch(i -> i.verified());
        assertThat(page("/console/requests/" + id, session)).doesNotContain("id=\"send-code-EMAIL\"");
    }

    @Test
    void aRefusedResponseComesBackWithWhatWasTypedAndEachErrorNextToItsField() throws Exception {
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        for (var task : tasks.of(id)) { // the form is offered once the tasks are done
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "checked");
        }

        var page = refusedPage(
                staff,
                id,
                "/response",
                "outcome",
                "PARTIAL_REFUSAL",
                "message",
                "Voici une partie de vos renseignements.",
                "reasons",
                "Renseignements d'un tiers.",
                "remedyTimeLimitDays",
                "trente");
        assertThat(page)
                .containsPattern("value=\"PARTIAL_REFUSAL\"\\s+selected=\"selected\"")
                .contains(">Voici une partie de vos renseignements.</textarea>")
                .contains(">Renseignements d&#39;un tiers.</textarea>")
                .contains("value=\"trente\"")
                .contains("id=\"legalProvisions-error\"")
                .contains("id=\"remedy-error\"")
                .contains("id=\"remedyTimeLimitDays-error\"")
                .doesNotContain("id=\"reasons-error\"")
                .contains("aria-invalid=\"true\"");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);

        var tooLong = refusedPage(staff, id, "/response", "outcome", "FULFILLED", "message", "x".repeat(20001));
        assertThat(tooLong).contains("id=\"message-error\"").contains("x".repeat(20001) + "</textarea>");
    }

    @Test
    void aRefusedIdentityCheckComesBackWithWhatWasTypedAndTheErrorNextToItsField() throws Exception {
        var id = received("ACCESS");
        var delegate = session(Role.DELEGATE);
        var page = refusedPage(delegate, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", " ");
        assertThat(page)
                .contains("id=\"person-reason-error\"")
                .contains("aria-describedby=\"person-reason-error\"")
                .contains("<a href=\"#person-reason\">Ce qui a été vérifié : ")
                .contains("data-error-summary")
                .doesNotContain("id=\"person-basis-error\"")
                .containsPattern("value=\"IN_PERSON_ID_CHECK\"\\s+selected=\"selected\"");

        page = refusedPage(delegate, id, "/identity-proof", "basis", "BOGUS", "reason", "Carte vue au comptoir");
        assertThat(page).contains("id=\"person-basis-error\"").contains(">Carte vue au comptoir</textarea>");
        assertThat(requests.get(id).personProof()).isNull();
    }

    /** Officer's review (2026-12-07): phone numbers read "+14185550123" on the request page and in the queue. */
    @Test
    void aPhoneNumberReadsWithItsCountryCodeAndGroups() throws Exception {
        var id = received("ACCESS", new NewRequest.Subject(null, "418 555-0123", null), "API");
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer))
                .contains("<span class=\"identifier\">+1 418-555-0123</span>")
                .doesNotContain(">+14185550123<");
        var reference = requests.get(id).reference();
        assertThat(page("/console/requests?q=" + reference, officer)).contains(">+1 418-555-0123</td>");
    }
}
