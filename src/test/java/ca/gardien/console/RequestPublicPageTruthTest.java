package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's review in Chromium, no mail server configured: the person's own page of a request said "Notre réponse
 * vous a été envoyée." while the answer's message waited in the outbox, and a cancelled request's page still said it
 * was received and due, with the code form and "Envoyer un nouveau code" (typing a code then said "Cette demande
 * n'attend plus de code."). The page now says the answer is ready, and a cancelled request is said cancelled and
 * closed, with nothing to type.
 */
class RequestPublicPageTruthTest extends RequestConsoleSupport {

    @Autowired
    JdbcClient jdbc;

    private String codePage(UUID id, String lang) throws Exception {
        return page("/privacy/requests/" + id + "/code" + (lang == null ? "" : "?lang=" + lang), new MockHttpSession());
    }

    /** A request answered and sent by a link to its verified email, which waits in the outbox (no mail server). */
    private UUID sent() throws Exception {
        return sentByLink();
    }

    @Test
    void anAnswerHeldInTheOutboxIsSaidReadyNotSentAndSentOnceItLeft() throws Exception {
        var id = sent();
        assertThat(codePage(id, null))
                .contains("Notre réponse est prête")
                .doesNotContain("vous a été envoyée")
                .doesNotContain("boîte d’envoi") // nothing of how the organization works inside
                .doesNotContain("name=\"code\"");
        assertThat(codePage(id, "en")).contains("Our answer is ready").doesNotContain("was sent to you");
        // the message left (a mail server took it): the page says so as before
        jdbc.sql("UPDATE mail_message SET status = 'SENT' WHERE related_id = ? AND template = 'requests.delivery'")
                .param(id.toString())
                .update();
        assertThat(codePage(id, null)).contains("Notre réponse vous a été envoyée.");
        assertThat(codePage(id, "en")).contains("Our answer was sent to you.");
    }

    @Test
    void aCancelledRequestIsSaidCancelledAndClosedWithNoCodeToType() throws Exception {
        var id = received(
                "ACCESS",
                new NewRequest.Subject("annulee-" + UUID.randomUUID() + "@example.test", null, null),
                "PORTAL");
        assertThat(codePage(id, null)).contains("name=\"code\""); // it awaited its code
        act(session(Role.STAFF), id, "/cancel");
        assertThat(codePage(id, null))
                .contains("Cette demande est annulée et fermée")
                .contains("<h1>Votre demande</h1>")
                .doesNotContain("a été reçue")
                .doesNotContain("Nous devons y répondre")
                .doesNotContain("name=\"code\"")
                .doesNotContain("Envoyer un nouveau code");
        assertThat(codePage(id, "en"))
                .contains("This request is cancelled and closed")
                .doesNotContain("We must answer")
                .doesNotContain("Send a new code");
        // a code typed on a page left open before: refused, the page saying where the request stands
        var refused = mvc.perform(post("/privacy/requests/" + id + "/code")
                        .with(csrf())
                        .param("kind", "EMAIL")
                        .param("code", code(id)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString())
                .contains("Cette demande n’attend plus de code.")
                .contains("href=\"#codes-done\"")
                .contains("Cette demande est annulée et fermée")
                .doesNotContain("name=\"code\"");
    }

    /** Marks the last message of a template about a request as it stands now in the outbox. */
    private void message(UUID id, String template, String status) {
        jdbc.sql("UPDATE mail_message SET status = ? WHERE related_id = ? AND template = ?")
                .params(status, id.toString(), template)
                .update();
    }

    /**
     * A request deemed refused said "Le message que nous vous avons envoyé indique vos recours" while that message
     * waited in the outbox (no mail server): the page now says it is ready, not sent; once sent, sent; if it came back,
     * not delivered, and how to get it.
     */
    @Test
    void aDeemedRefusalWhoseNoticeWaitsInTheOutboxIsSaidReadyNotSent() throws Exception {
        var email = "reputee-" + UUID.randomUUID() + "@example.test";
        var id = received("ACCESS", new NewRequest.Subject(email, null, null), "PORTAL");
        // what the requests clock does once the time limit ran out (RequestClock, every minute): the request deemed
        // refused, the notice of the remedies queued to its email
        jdbc.sql("UPDATE requests_request SET status = 'DEEMED_REFUSED' WHERE id = ?")
                .param(id)
                .update();
        outbox.queue(new ca.gardien.mail.Message(
                ca.gardien.mail.Message.Channel.EMAIL,
                email,
                "requests.deemed-refusal",
                java.util.Locale.CANADA_FRENCH,
                java.util.List.of(requests.get(id).reference(), "4 janvier 2027", "30"),
                "request",
                id.toString(),
                true));
        assertThat(codePage(id, null))
                .contains("elle est réputée refusée")
                .contains("Le message qui indique vos recours est prêt, mais ne vous a pas encore été envoyé")
                .doesNotContain("que nous vous avons envoyé")
                .doesNotContain("boîte d’envoi")
                .doesNotContain("id=\"undelivered\"");
        assertThat(codePage(id, "en"))
                .contains("The message that says what remedies you have is ready but has not been sent to you yet")
                .doesNotContain("The message we sent you");
        message(id, "requests.deemed-refusal", "SENT");
        assertThat(codePage(id, null)).contains("Le message que nous vous avons envoyé indique vos recours.");
        assertThat(codePage(id, "en")).contains("The message we sent you says what remedies you have.");
        // a bounce recorded: not delivered, and where to ask for it
        message(id, "requests.deemed-refusal", "BOUNCED");
        assertThat(codePage(id, null))
                .contains("Le message qui indique vos recours n’a pas pu vous être livré.")
                .doesNotContain("que nous vous avons envoyé")
                .contains("<p id=\"undelivered\"><a href=\"/privacy/contact\">Écrivez-nous pour recevoir ce message"
                        + " autrement</a></p>");
        assertThat(codePage(id, "en"))
                .contains("The message that says what remedies you have could not be delivered to you.")
                .contains("Contact us to receive this message another way");
    }

    /**
     * An answer whose email left and came back (refused by the mail server, or bounced) still read "sent": on the
     * person's page ("Notre réponse vous a été envoyée.") and in the console's queue, its CSV and the request's page
     * ("Réponse envoyée"). They now say it was not delivered; the person's page says how to get it.
     */
    @Test
    void anAnswerWhoseEmailCameBackIsSaidNotDeliveredNeverSent() throws Exception {
        var id = sent();
        var reference = requests.get(id).reference();
        message(id, "requests.delivery", "SENT"); // a mail server took it
        var answer = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow();
        assertThat(outbox.undelivered(answer.id(), "BOUNCED")).isTrue(); // as a bounce is recorded
        assertThat(codePage(id, null))
                .contains("Notre réponse est prête, mais le message qui vous la portait n’a pas pu vous être livré.")
                .contains("href=\"/privacy/contact\">Écrivez-nous pour recevoir ce message autrement<")
                .doesNotContain("vous a été envoyée");
        assertThat(codePage(id, "en"))
                .contains("Our answer is ready, but the message carrying it to you could not be delivered.")
                .contains("Contact us to receive this message another way")
                .doesNotContain("was sent to you");
        var staff = session(Role.STAFF);
        var failed = "Réponse non livrée (envoi échoué)";
        assertThat(page("/console/requests?status=ALL&q=" + reference, staff))
                .contains("data-label=\"Statut\">" + failed + "<")
                .doesNotContain("data-label=\"Statut\">Réponse envoyée<");
        var csv = csv("/console/requests/export.csv?status=ALL&q=" + reference, staff);
        assertThat(csv).contains("," + failed + ",").doesNotContain("Réponse envoyée");
        assertThat(page("/console/requests/" + id, staff))
                .contains("<dd id=\"status\">" + failed + "</dd>")
                .doesNotContain("Réponse envoyée<");
        // refused by the mail server: the same, in English too
        message(id, "requests.delivery", "FAILED");
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(staff));
        assertThat(page("/console/requests?status=ALL&q=" + reference, staff))
                .contains("data-label=\"Status\">Answer not delivered (delivery failed)<")
                .doesNotContain("data-label=\"Status\">Response sent<");
        assertThat(page("/console/requests/" + id, staff))
                .contains("<dd id=\"status\">Answer not delivered (delivery failed)</dd>");
        assertThat(codePage(id, null)).contains("n’a pas pu vous être livré");
    }
}
