package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's review of 2026-12-07, no mail server configured: once the answer was sent, its page said "Réponse
 * envoyée par courriel" above a notice that the email had not left, the status read "Réponse envoyée" and so did the
 * ledger. An answer whose link waits in the outbox is now said placed there, with a warning that stays on the page, the
 * message to open, and the ledger's own words; the queue's line and its CSV say it too (they said "Réponse envoyée").
 */
class RequestAnswerHeldTest extends RequestConsoleSupport {

    private static final String NNBSP = "\u202f";

    /** A request answered up to its approval, its link to go to the verified email. */
    private UUID approved(MockHttpSession staff) throws Exception {
        var id = inProgress("ACCESS", staff);
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "vu");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici.");
        act(session(Role.PRIVACY_OFFICER), id, "/approve");
        return id;
    }

    @Test
    void anAnswerWhoseEmailWaitsInTheOutboxIsSaidPlacedThereNeverSent() throws Exception {
        var staff = session(Role.STAFF);
        var id = approved(staff);
        var sent = mvc.perform(
                        post("/console/requests/" + id + "/send").session(staff).with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
        var held = "Réponse placée dans la boîte d’envoi (courriel retenu" + NNBSP + ": aucun serveur de courriel)";
        assertThat(shownAfter(id, staff, sent))
                .contains("est retenu dans la boîte d’envoi et n’est pas parti")
                .contains(held)
                .contains("Réponse placée dans la boîte d’envoi (non partie)")
                .doesNotContain("Réponse envoyée");
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow();
        var fact = awaitLedgerEntry("requests.sent", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("\"outbox\":\"held\"");
        // once the moment has passed, the page still warns, says how to pass the link on, and opens the message
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"sent-held\"")
                .contains("transmettez le lien autrement")
                .contains("href=\"/console/outbox/" + message.id() + "\"")
                .contains(held) // the timeline's line too, in the ledger's words
                .doesNotContain("Réponse envoyée");
    }

    @Test
    void theQueueAndItsExportSayAHeldAnswerIsInTheOutboxNotSent() throws Exception {
        var staff = session(Role.STAFF);
        var id = approved(staff);
        act(staff, id, "/send");
        var reference = requests.get(id).reference();
        var held = "Réponse placée dans la boîte d’envoi (non partie)";
        // every status (the filter « Réponse envoyée » leaves it out): the row's own cell is what is read
        assertThat(page("/console/requests?status=ALL&q=" + reference, staff))
                .contains(reference)
                .contains("data-label=\"Statut\">" + held + "<")
                .doesNotContain("data-label=\"Statut\">Réponse envoyée<");
        var csv = csv("/console/requests/export.csv?status=ALL&q=" + reference, staff);
        assertThat(csv).contains(reference + ",").contains("," + held + ",").doesNotContain("Réponse envoyée");
        // closed, it is said closed and still held, as on its page (closing does not deliver it)
        // in English, natural words (officer's walk: "(not left)")
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(staff));
        assertThat(page("/console/requests?status=ALL&q=" + reference, staff))
                .contains("data-label=\"Status\">Answer placed in the outbox (not sent yet)<")
                .doesNotContain("not left");
        assertThat(page("/console/requests/" + id, staff))
                .contains("This email is held in the outbox and has not been sent")
                .doesNotContain("not left");
        act(session(Role.PRIVACY_OFFICER), id, "/close");
        assertThat(page("/console/requests?status=CLOSED&q=" + reference, staff))
                .contains("data-label=\"Status\">Closed, answer held in the outbox (not sent yet)<");
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(staff));
        assertThat(page("/console/requests?status=CLOSED&q=" + reference, staff))
                .contains("data-label=\"Statut\">Fermée, réponse retenue dans la boîte d’envoi (non partie)<");
    }

    /** The dashboard's figure of held answers: its number and where it links. */
    private static final java.util.regex.Pattern HELD_FIGURE = java.util.regex.Pattern.compile(
            "<a href=\"/console/requests\\?status=HELD\">(\\d+) (?:réponses? retenues? dans la boîte d’envoi|answers? held"
                    + " in the outbox)</a>");

    /**
     * The officer's review in Chromium: with an answer held, the dashboard said "Aucune demande ouverte … Aucune réponse
     * à approuver", nothing reminding them to pass the link on before it expires, and the queue's default filter (open
     * requests) hid it.
     */
    @Test
    void theDashboardCountsHeldAnswersAndLinksToTheQueueFilterThatListsThem() throws Exception {
        var staff = session(Role.STAFF);
        var id = approved(staff);
        act(staff, id, "/send");
        var officer = session(Role.PRIVACY_OFFICER);
        var figure = HELD_FIGURE.matcher(page("/console", officer));
        assertThat(figure.find()).as("the dashboard counts held answers").isTrue();
        var queue = page("/console/requests?status=HELD", officer);
        assertThat(queue)
                .contains("data-request=\"" + id + "\"")
                .contains(
                        "<option value=\"HELD\" selected=\"selected\">Réponse placée dans la boîte d’envoi (non partie)");
        // exactly what it counts (other tests of this context may have held answers of their own)
        assertThat(queue.split("data-request=\"", -1).length - 1).isEqualTo(Integer.parseInt(figure.group(1)));
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(officer));
        assertThat(page("/console", officer)).containsPattern("answers? held in the outbox");
        // closed: still held, the person has not received it (only their download takes it off)
        act(officer, id, "/close");
        assertThat(page("/console/requests?status=HELD", officer)).contains("data-request=\"" + id + "\"");
    }

    @Test
    void aClosedAnswerStillWarnsThatItWaitsAndSaysWhereItWent() throws Exception {
        var staff = session(Role.STAFF);
        var id = approved(staff);
        act(staff, id, "/send");
        act(session(Role.PRIVACY_OFFICER), id, "/close");
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"sent-held\"")
                .contains("Réponse placée dans la boîte d’envoi (courriel retenu" + NNBSP
                        + ": aucun serveur de courriel)");
    }
}
