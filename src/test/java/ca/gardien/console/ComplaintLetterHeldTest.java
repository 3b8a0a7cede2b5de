package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaint;
import ca.gardien.complaints.Complaints;
import ca.gardien.mail.Outbox;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The officer's review in Chromium, no mail server configured: after « Envoyer la réponse » the complaint's page said
 * « C’est fait. », « Répondue », « Réponse motivée envoyée » and the ledger « Réponse motivée envoyée au plaignant »,
 * while only the messages' table said « Retenu dans la boîte d’envoi »; the same for a request for information that
 * never left. A letter whose email waits in the outbox is now said placed there, with a warning while the file waits
 * on it, in the page's words, the timeline's and the ledger's.
 */
class ComplaintLetterHeldTest extends WebTestSupport {

    private static final String NNBSP = "\u202f";
    private static final String HELD_FR = "(courriel retenu" + NNBSP + ": aucun serveur de courriel)";

    @Autowired
    Complaints complaints;

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Complaint received() {
        return complaints.receiveFromPortal(ComplaintMessagesTest.fromPortal(unique("retenu") + "@example.test"));
    }

    /** Takes a step of the file's page; returns its flash (what the page says right after it). */
    private FlashMap step(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request =
                post("/console/complaints/" + id + "/" + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request).andReturn().getFlashMap();
        assertThat(flash.get("refused")).as("refusal of " + path).isNull();
        return flash;
    }

    /** The file's page, with a step's flash when given, in a language. */
    private String page(MockHttpSession session, UUID id, FlashMap flash, String lang) throws Exception {
        session.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        var request = get("/console/complaints/" + id + "?lang=" + lang).session(session);
        if (flash != null) {
            request.flashAttrs(flash);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private UUID message(UUID id, String template) {
        return outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals(template))
                .reduce((a, b) -> b)
                .orElseThrow()
                .id();
    }

    @Test
    void anAnswerWhoseEmailWaitsInTheOutboxIsSaidPlacedThereNeverSent() throws Exception {
        var id = received().id();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        // officer's walk: the question before sending said nothing of the outbox, as the request's does
        assertThat(page(officer, id, null, "fr"))
                .contains("Envoyer cette réponse au plaignant" + NNBSP + "? Aucun serveur de courriel n’est configuré")
                // what is handed on from the outbox is the email ("le courriel … d’où il faudra le lui transmettre")
                .contains("le courriel restera dans la boîte d’envoi, d’où il faudra le lui transmettre. Elle ne")
                .doesNotContain("la lui transmettre");
        var sent = step(officer, id, "answer", "reasons", "Nous avons examiné votre plainte.");
        var justSent = page(officer, id, sent, "fr");
        assertThat(justSent)
                .contains("Réponse motivée placée dans la boîte d’envoi (non partie)")
                .doesNotContain("C’est fait.");
        // officer's walk: the step's line and the warning said the same twice; the warning alone explains
        assertThat(justSent.split("le plaignant ne l’a pas reçue", -1))
                .as("said once")
                .hasSize(2);
        assertThat(justSent.split("Transmettez-", -1)).as("said once").hasSize(2);
        assertThat(page(officer, id, sent, "en").split("the complainant has not received it", -1))
                .as("said once")
                .hasSize(2);
        var held = "Réponse motivée placée dans la boîte d’envoi " + HELD_FR;
        assertThat(page(officer, id, null, "fr"))
                .contains("id=\"letter-held\"", "Transmettez-lui la réponse autrement")
                .contains("href=\"/console/outbox/" + message(id, "complaint-answer") + "\"")
                .contains("<dd id=\"status\">Réponse placée dans la boîte d’envoi (non partie)</dd>")
                .contains(held) // the timeline
                .doesNotContain("Réponse motivée envoyée");
        assertThat(page(officer, id, null, "en"))
                .contains("id=\"letter-held\"", "has not received it")
                .contains("The reasoned answer’s email is held in the outbox and has not been sent")
                .contains("configure a mail server so that the next messages are sent")
                .doesNotContain("not left", "has not left", "messages leave")
                .contains("<dd id=\"status\">Answer placed in the outbox (not sent yet)</dd>")
                .contains("Reasoned answer placed in the outbox (email held: no mail server)")
                .doesNotContain("Reasoned answer sent");
        var fact = awaitLedgerEntry("complaints.answered", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("\"outbox\":\"held\"");
        // the dashboard's complaints tile counts it (officer's walk: it said only "no open complaint")
        var dashboard = mvc.perform(get("/console").session(officer).header("Accept-Language", "fr"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard)
                .containsPattern(
                        "href=\"/console/complaints\\?status=HELD\">\\d+ (réponses? retenues?|answers?" + " held)");
        // the file closed, the answer still held: closing sends nothing (officer's walk), the warning stays
        step(officer, id, "close");
        assertThat(page(officer, id, null, "fr"))
                .contains("id=\"letter-held\"")
                .contains("<dd id=\"status\">Fermée, réponse retenue dans la boîte d’envoi (non partie)</dd>");
        // passed on another way and recorded: no more warning, the timeline still says where it went
        step(
                officer,
                id,
                "answer-transmitted",
                "transmittedOn",
                java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).toString(),
                "means",
                "par la poste");
        assertThat(page(officer, id, null, "fr"))
                .doesNotContain("id=\"letter-held\"")
                .contains("<dd id=\"status\">Fermée</dd>")
                .contains(held);
    }

    @Test
    void aRequestForInformationOrADelayNoticeThatNeverLeftIsSaidPlacedInTheOutbox() throws Exception {
        var complaint = received();
        var id = complaint.id();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var notice = step(
                officer,
                id,
                "delay-notices",
                "reasons",
                "Le dossier demande une analyse.",
                "status",
                "En cours d’analyse.",
                "newDueOn",
                complaint.effectiveDueOn().plusDays(10).toString());
        var noticed = page(officer, id, notice, "fr");
        assertThat(noticed.split("le plaignant ne l’a pas reçu", -1))
                .as("said once")
                .hasSize(2);
        assertThat(noticed)
                .contains("Avis de retard placé dans la boîte d’envoi (non parti)")
                .contains("id=\"letter-held\"", "Le courriel de l’avis de retard est retenu")
                .contains("Avis de retard placé dans la boîte d’envoi " + HELD_FR + NNBSP + ": nouvelle échéance le")
                .doesNotContain("C’est fait.")
                .doesNotContain("Avis de retard envoyé");
        var asked = step(officer, id, "information-requests", "details", "Quelle demande d’accès visez-vous ?");
        var askedPage = page(officer, id, asked, "fr");
        assertThat(askedPage.split("le plaignant ne l’a pas reçu", -1))
                .as("said once")
                .hasSize(2);
        assertThat(askedPage)
                .contains("Demande de renseignements placée dans la boîte d’envoi (non partie)")
                .contains("id=\"letter-held\"", "Le courriel qui demande les renseignements supplémentaires")
                .contains("href=\"/console/outbox/" + message(id, "complaint-information") + "\"")
                .contains("Demande de renseignements supplémentaires placée dans la boîte d’envoi " + HELD_FR)
                .doesNotContain("Renseignements supplémentaires demandés");
        assertThat(page(officer, id, asked, "en"))
                .contains("Request for information placed in the outbox (not sent yet)")
                .contains("Request for additional information placed in the outbox (email held: no mail server)");
        var fact = awaitLedgerEntry("complaints.information-requested", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("\"outbox\":\"held\"");
        // the information came: the clock runs again, the request no longer awaited
        step(officer, id, "information-received");
        assertThat(page(officer, id, null, "fr")).doesNotContain("id=\"letter-held\"");
    }

    /** The queue's page or its CSV (a path under {@code /console/complaints}), in a language. */
    private String queue(MockHttpSession session, String path, String lang) throws Exception {
        return mvc.perform(get("/console/complaints" + path + "&lang=" + lang).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The complaint's page said the answer was placed in the outbox, not sent, while the queue and its CSV still said
     * « Répondue » (Answered): both now say it in the page's words, until the email leaves.
     */
    @Test
    void theQueueAndItsCsvSayAnAnswerHeldInTheOutboxIsPlacedThereNotAnswered() throws Exception {
        var complaint = received();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        step(officer, complaint.id(), "answer", "reasons", "Nous avons examiné votre plainte.");
        var filter = "?status=ANSWERED&q=" + complaint.reference();
        assertThat(queue(officer, filter, "fr"))
                .contains(">" + complaint.reference() + "<")
                .contains("data-label=\"État\">Réponse placée dans la boîte d’envoi (non partie)<")
                .doesNotContain("data-label=\"État\">Répondue<");
        assertThat(queue(officer, filter, "en"))
                .contains("data-label=\"Status\">Answer placed in the outbox (not sent yet)<")
                .doesNotContain("data-label=\"Status\">Answered<");
        var csv = "/export.csv" + filter;
        assertThat(queue(officer, csv, "fr"))
                .contains(complaint.reference() + ",")
                .contains(",Réponse placée dans la boîte d’envoi (non partie),")
                .doesNotContain("Répondue");
        assertThat(queue(officer, csv, "en"))
                .contains(",Answer placed in the outbox (not sent yet),")
                .doesNotContain(",Answered,");
        // the email left (a mail server took it): answered, as before
        jdbc.sql("UPDATE mail_message SET status = 'SENT' WHERE related_id = ? AND template = 'complaint-answer'")
                .param(complaint.id().toString())
                .update();
        assertThat(queue(officer, filter, "fr")).contains("data-label=\"État\">Répondue<");
        assertThat(queue(officer, csv, "en")).contains(",Answered,").doesNotContain("outbox");
    }

    /**
     * Officer's walk: the requests' queue filters the answers held in the outbox, the complaints' did not, and its
     * urgency column said « Traitée » (done) next to an answer the complainant never received. The queue and its CSV
     * now filter them ({@code status=HELD}) and say the answer is held, not done, until the email leaves.
     */
    @Test
    void theQueueFiltersAnswersHeldInTheOutboxAndDoesNotCallThemDone() throws Exception {
        var held = received();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        step(officer, held.id(), "answer", "reasons", "Nous avons examiné votre plainte.");
        var open = received(); // not answered: not among the held
        var left = received(); // answered, its email since sent: answered, not held
        step(officer, left.id(), "answer", "reasons", "Nous avons examiné votre plainte.");
        jdbc.sql("UPDATE mail_message SET status = 'SENT' WHERE related_id = ? AND template = 'complaint-answer'")
                .param(left.id().toString())
                .update();

        var fr = queue(officer, "?status=HELD", "fr");
        assertThat(fr)
                .containsPattern(
                        "<option value=\"HELD\"\\s+selected[^>]*>Réponse retenue dans la boîte d’envoi</option>")
                .contains(">" + held.reference() + "<")
                .doesNotContain(">" + open.reference() + "<")
                .doesNotContain(">" + left.reference() + "<")
                .contains("<span class=\"urgency HELD\">Réponse retenue, pas encore partie</span>")
                .doesNotContain("\"urgency DONE\"", ">Traitée</span>");
        assertThat(fr.indexOf("value=\"ANSWERED\""))
                .as("offered after the answered files")
                .isLessThan(fr.indexOf("value=\"HELD\""));
        // offered once, in « État », not again in « Urgence » (officer's walk)
        var urgencySelect = fr.substring(
                fr.indexOf("<select id=\"urgency\""), fr.indexOf("</select>", fr.indexOf("<select id=\"urgency\"")));
        assertThat(urgencySelect).contains("value=\"DONE\"").doesNotContain("value=\"HELD\"");
        assertThat(fr.split("value=\"HELD\"", -1)).as("one option HELD").hasSize(2);
        assertThat(queue(officer, "?status=HELD", "en"))
                .contains(">Answer held in the outbox</option>")
                .contains("<span class=\"urgency HELD\">Answer held, not sent yet</span>")
                .doesNotContain("\"urgency DONE\"", ">Done</span>");
        // its CSV lists the same files, in the same words
        assertThat(queue(officer, "/export.csv?status=HELD", "fr"))
                .contains(held.reference() + ",")
                .contains(",\"Réponse retenue, pas encore partie\",")
                .doesNotContain(open.reference())
                .doesNotContain(left.reference())
                .doesNotContain("Traitée");
        assertThat(queue(officer, "/export.csv?status=HELD", "en")).contains(",\"Answer held, not sent yet\",");
        // the answer that left is done, as before; the urgency filter tells the two apart
        assertThat(queue(officer, "?status=ANSWERED&q=" + left.reference(), "fr"))
                .contains("<span class=\"urgency DONE\">Traitée</span>");
        assertThat(queue(officer, "?urgency=HELD", "fr"))
                .contains(">" + held.reference() + "<")
                .doesNotContain(">" + left.reference() + "<");
        assertThat(queue(officer, "?urgency=DONE", "fr")).doesNotContain(">" + held.reference() + "<");
    }
}
