package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "vu");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici.");
        act(session(Role.PRIVACY_OFFICER), id, "/approve");
        act(staff, id, "/send");
        return id;
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
}
