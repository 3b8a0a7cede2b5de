package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's walk of 2026-12-07 in Chromium, no mail server: the answer's email held in the outbox, the officer closed
 * the request after a confirmation that only asked "Fermer cette demande ?". The person's page then said the answer was
 * handed over, the held count, filter and warning forgot it, and the link of the held email answered a 500. Closing is
 * the officer's bookkeeping: it warns, and the answer stays undelivered (and its link valid) until the person downloads.
 */
class RequestClosedWhileHeldTest extends RequestConsoleSupport {

    private static final Pattern LINK = Pattern.compile("(/requests/download/[A-Za-z0-9_-]+)");

    @Autowired
    JdbcClient jdbc;

    /** A request answered and sent by a link to its verified email, which waits in the outbox. */
    private UUID sent() throws Exception {
        return sentByLink();
    }

    private String link(UUID id) {
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var matcher = LINK.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String publicPage(UUID id) throws Exception {
        return page("/privacy/requests/" + id + "/code", new MockHttpSession());
    }

    @Test
    void closingAHeldAnswerWarnsAndKeepsItHeldUntilThePersonDownloadsThroughTheStillValidLink() throws Exception {
        var id = sent();
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer))
                .as("the confirmation says the person has not received the answer")
                .contains("La personne n’a pas reçu la réponse")
                .doesNotContain("data-confirm=\"Fermer cette demande\u202f?\"");
        act(officer, id, "/close");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
        // the person's page does not say it was handed over
        assertThat(publicPage(id))
                .contains("Cette demande est fermée. Notre réponse est prête")
                .doesNotContain("vous a été remise");
        // the held signals keep it: the request's page, the queue's filter and the dashboard's figure
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"sent-held\"")
                .contains("id=\"closed-held\"")
                .contains("Fermée, réponse retenue dans la boîte d’envoi (non partie)");
        assertThat(page("/console/requests?status=HELD", officer)).contains("data-request=\"" + id + "\"");
        // the link of the held email still works: the answer was never delivered
        var link = link(id);
        mvc.perform(get(link)).andExpect(status().isOk());
        var zip = mvc.perform(post(link)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(zip.getContentAsByteArray()).isNotEmpty();
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
        // downloaded: handed over now, no longer held; a second use is the page of a used link, not a 500
        mvc.perform(post(link)).andExpect(status().isGone());
        assertThat(publicPage(id)).contains("notre réponse vous a été remise");
        assertThat(page("/console/requests?status=HELD", officer)).doesNotContain("data-request=\"" + id + "\"");
        assertThat(page("/console/requests/" + id, officer)).doesNotContain("id=\"sent-held\"");
    }

    @Test
    void aClosedRequestWhoseAnswerCameBackIsSaidNotDelivered() throws Exception {
        var id = sent();
        jdbc.sql("UPDATE mail_message SET status = 'FAILED' WHERE related_id = ? AND template = 'requests.delivery'")
                .param(id.toString())
                .update();
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer)).contains("son message n’a pas pu être livré");
        act(officer, id, "/close");
        assertThat(publicPage(id)).contains("n’a pas pu vous être livré").doesNotContain("remise");
        assertThat(page("/console/requests/" + id, officer)).contains("Fermée, réponse non livrée (envoi échoué)");
    }

    @Test
    void theSentFilterAndItsExportLeaveOutHeldAndUndeliveredAnswers() throws Exception {
        var staff = session(Role.STAFF);
        var held = requests.get(sent()).reference();
        var undelivered = sent();
        jdbc.sql("UPDATE mail_message SET status = 'FAILED' WHERE related_id = ? AND template = 'requests.delivery'")
                .param(undelivered.toString())
                .update();
        var gone = sent();
        jdbc.sql("UPDATE mail_message SET status = 'SENT' WHERE related_id = ? AND template = 'requests.delivery'")
                .param(gone.toString())
                .update();
        var reference = requests.get(undelivered).reference();
        var left = requests.get(gone).reference();
        for (var shown : java.util.List.of(held, reference)) {
            assertThat(page("/console/requests?status=SENT&q=" + shown, staff)).doesNotContain("data-request=\"");
            assertThat(csv("/console/requests/export.csv?status=SENT&q=" + shown, staff))
                    .doesNotContain(shown);
        }
        assertThat(page("/console/requests?status=SENT&q=" + left, staff))
                .contains("data-label=\"Statut\">Réponse envoyée<");
        assertThat(csv("/console/requests/export.csv?status=SENT&q=" + left, staff))
                .contains(left + ",");
        // the held one is where it belongs
        assertThat(page("/console/requests?status=HELD&q=" + held, staff)).contains("data-request=\"");
    }

    @Test
    void theOpenRequestsListPointsToAnswersHeldInTheOutbox() throws Exception {
        sent();
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests", officer))
                .contains("id=\"queue-held\"")
                .containsPattern(
                        "<a href=\"/console/requests\\?status=HELD\">\\d+ réponses? retenues? dans la boîte d’envoi</a>")
                .contains("la personne n’a pas reçu la réponse");
        assertThat(page("/console/requests?status=ALL", officer)).doesNotContain("id=\"queue-held\"");
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(officer));
        assertThat(page("/console/requests", officer))
                .containsPattern("\\d+ answers? held in the outbox</a>")
                .contains("the person has not received the answer");
    }
}
