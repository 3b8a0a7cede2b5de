package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/**
 * The officer's review of 2026-12-05 in Chromium: a paper request's answer was recorded as sent by a link that went
 * nowhere, and a rejected proof of identity left the request stuck with no way to send the reasoned refusal. Now a
 * request with no verified email or phone is handed over by post or in person, from a package the console gives, and a
 * rejected proof can be followed by another check or by a refusal.
 */
class RequestConsoleDeliveryTest extends RequestConsoleSupport {

    /** A rectification received on paper: a customer number only, no email nor phone. */
    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.requests.Responses responses;

    private UUID paper(String type) {
        return intake.submit(
                        new NewRequest(
                                type,
                                new NewRequest.Subject(
                                        null,
                                        null,
                                        "C-" + UUID.randomUUID().toString().substring(0, 8)),
                                "QC",
                                "MAIL",
                                "fr",
                                "Lettre reçue par la poste",
                                "customer",
                                null,
                                null),
                        Actor.SYSTEM)
                .id();
    }

    /** A paper access request with sensitive information in scope: its customer number confirmed, its proof to review. */
    private UUID awaitingReview(MockHttpSession staff) throws Exception {
        inventory.apply(RequestConsoleWorkTest.SENSITIVE_MAP, Actor.SYSTEM);
        var id = paper("ACCESS");
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        return id;
    }

    /** The same, its proof of identity rejected. */
    private UUID rejected(MockHttpSession staff) throws Exception {
        var id = awaitingReview(staff);
        act(staff, id, "/identity-review", "approved", "false");
        return id;
    }

    private FlashMap step(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request = post("/console/requests/" + id + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getFlashMap();
    }

    @Test
    void aPaperRequestIsAnsweredByPostFromThePackageTheConsoleGivesAndNoLinkIsSaidToLeave() throws Exception {
        var id = paper("RECTIFICATION");
        var officer = session(Role.PRIVACY_OFFICER);
        var proven = step(officer, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Permis vu");
        assertThat(proven.get("doneKey")).isEqualTo("identity.proven");
        for (var task : tasks.of(id)) {
            act(officer, id, "/tasks/" + task.id() + "/complete", "outcome", "DONE", "note", "corrigé");
        }
        // as the browser sends the form: the refusal's hidden fields come too, filled from the profile
        act(
                officer,
                id,
                "/response",
                "outcome",
                "FULFILLED",
                "message",
                "Votre adresse est corrigée.",
                "reasons",
                "",
                "legalProvisions",
                "",
                "remedy",
                "Commission d’accès à l’information",
                "remedyTimeLimitDays",
                "30");
        assertThat(responses.of(id))
                .as("a fulfilment keeps no remedy nor its days (officer's walk: the sent answer said 30 days)")
                .satisfies(r -> assertThat(r.remedy()).isNull())
                .satisfies(r -> assertThat(r.remedyTimeLimitDays()).isNull());
        act(officer, id, "/approve");

        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .as("the send step says before sending that no link can go")
                .contains("id=\"no-link\"")
                .contains("aucun lien de téléchargement ne peut être envoyé")
                .contains("name=\"delivery\"")
                .contains("Par la poste")
                .doesNotContain("Le lien de téléchargement part tout de suite")
                .contains("href=\"/console/requests/" + id + "/answer\"");

        assertThat(String.valueOf(step(officer, id, "/send").get("refused")))
                .as("the officer must say how the answer goes, in words, not the API's codes")
                .contains("Choisissez une des valeurs proposées.")
                .doesNotContain("POSTAL");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);

        var sent = step(officer, id, "/send", "delivery", "POSTAL");
        assertThat(sent.get("refused")).isNull();
        assertThat(sent.get("doneKey")).isEqualTo("sent.POSTAL");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
        assertThat(outbox.about(id.toString()))
                .as("no message claims a link")
                .noneMatch(m -> m.template().equals("requests.delivery"));
        var fact = awaitLedgerEntry("requests.sent", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("POSTAL");
        assertThat(page("/console/requests?status=SENT&q=" + requests.get(id).reference(), officer))
                .as("an answer handed over by post is sent: the queue says so (no message waits in the outbox)")
                .contains("data-label=\"Statut\">Réponse envoyée<");
        // the earlier steps' redirects left their flash maps in the session, unread: show this step's
        officer.removeAttribute(
                org.springframework.web.servlet.support.SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        var after = mvc.perform(get("/console/requests/" + id).session(officer).flashAttrs(sent))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after)
                .contains("La remise par la poste est enregistrée")
                .doesNotContain("C’est fait.")
                .doesNotContain("id=\"sent-remedy");

        var staff = session(Role.STAFF);
        var zip = mvc.perform(get("/console/requests/" + id + "/answer").session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        var reference = requests.get(id).reference();
        assertThat(zip.getHeader("Content-Disposition")).contains("reponse-" + reference + ".zip");
        assertThat(entries(zip.getContentAsByteArray())).contains("letter.pdf", "letter.html");
        assertThat(awaitLedgerEntry("requests.answer-taken", id)).isNotNull();
        mvc.perform(get("/console/requests/" + id + "/answer").session(session(Role.AUDITOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAnswerThatALinkReachesIsNotHandedOutInTheConsole() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, ca.gardien.shared.IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "vu");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici.");
        act(session(Role.PRIVACY_OFFICER), id, "/approve");
        assertThat(page("/console/requests/" + id, staff))
                // no mail server in these tests: the question before sending says where the email will wait
                .contains("le courriel qui porte le lien de téléchargement restera dans la boîte d’envoi")
                .doesNotContain("Le lien de téléchargement part tout de suite par courriel")
                .doesNotContain("id=\"no-link\"")
                .doesNotContain("/answer\"");
        var refused = mvc.perform(get("/console/requests/" + id + "/answer").session(staff))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .as("why, in words, not 'try again', and only the reason that holds (officer's walk: three)")
                .contains("elle part par un lien au courriel ou au téléphone vérifié de la personne")
                .doesNotContain("Réessayez")
                .doesNotContain("pas encore approuvée")
                .doesNotContain("détruits");
        var sent = step(staff, id, "/send");
        assertThat(sent.get("doneKey")).isEqualTo("sent.EMAIL");
        assertThat(outbox.about(id.toString())).anyMatch(m -> m.template().equals("requests.delivery"));
        // no mail server here: the page says the link is held in the outbox, not that it left (officer's tour)
        assertThat(shownAfter(id, staff, sent))
                .contains("est retenu dans la boîte d’envoi et n’est pas parti")
                .doesNotContain("La réponse est envoyée");
        // and it stays said on the page once the moment has passed
        assertThat(page("/console/requests/" + id, staff)).contains("id=\"sent-held\"");
    }

    @Test
    void afterARejectedProofAnInPersonCheckMovesTheRequestOn() throws Exception {
        var staff = session(Role.STAFF);
        var id = awaitingReview(staff);
        assertThat(page("/console/requests/" + id, staff))
                .as("refusing the proof asks first")
                .containsPattern("id=\"reject-proof\"[^>]*data-confirm=\"Refuser la preuve");
        var rejected = step(staff, id, "/identity-review", "approved", "false");
        assertThat(rejected.get("doneKey")).isEqualTo("identity.rejected");
        assertThat(requests.get(id).identityReview()).isEqualTo(RightsRequest.Review.REJECTED);
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"identity-rejected\"")
                .contains("id=\"identity-review\"")
                .doesNotContain("id=\"reject-proof\"")
                .contains("id=\"response-form\"");

        var officer = session(Role.PRIVACY_OFFICER);
        var checked = step(officer, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Passeport vu");
        assertThat(checked.get("refused")).isNull();
        assertThat(checked.get("doneKey")).isEqualTo("identity.proven");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(requests.get(id).identityReview()).isEqualTo(RightsRequest.Review.APPROVED);
    }

    @Test
    void afterARejectedProofTheProofCanBeAcceptedOnASecondLook() throws Exception {
        var staff = session(Role.STAFF);
        var id = rejected(staff);
        assertThat(step(staff, id, "/identity-review", "approved", "false").get("refused"))
                .as("rejecting twice changes nothing")
                .isNotNull();
        assertThat(step(staff, id, "/identity-review", "approved", "true").get("doneKey"))
                .isEqualTo("identity.proven");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void afterARejectedProofTheOfficerSendsAReasonedRefusalByPost() throws Exception {
        var staff = session(Role.STAFF);
        var id = rejected(staff);
        var form = page("/console/requests/" + id, staff);
        assertThat(form).contains("value=\"REFUSAL\"").doesNotContain("value=\"FULFILLED\"");
        assertThat(refusal(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici."))
                .as("nothing but a refusal while the identity is not established")
                .isNotEmpty();
        draftIdentityRefusal(staff, id);
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        var officer = session(Role.PRIVACY_OFFICER);
        act(officer, id, "/approve");
        assertThat(step(officer, id, "/send", "delivery", "POSTAL").get("doneKey"))
                .isEqualTo("sent.POSTAL");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
        // the sent refusal reads on the page as the letter said it (officer's walk: no provisions nor recourse)
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"sent-provisions\"", "P-39.1, art. 30")
                .contains("id=\"sent-remedy\"", "Commission d&#39;accès à l&#39;information")
                .contains("id=\"sent-remedy-days\"")
                // as a reader says it, not the form's labels (officer's walk: « Délai du recours (jours) : 30 »)
                .contains(">Dispositions de la loi invoquées</h3>", ">Recours</h3>", "Délai du recours\u202f: 30 jours")
                .doesNotContain("(une par ligne)</h3>");
        var zip = mvc.perform(get("/console/requests/" + id + "/answer").session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(entries(zip)).containsExactly("letter.html", "letter.pdf");
    }

    private static java.util.List<String> entries(byte[] zip) throws Exception {
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
