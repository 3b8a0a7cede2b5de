package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaint;
import ca.gardien.complaints.Complaints;
import ca.gardien.support.WebTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The officer's walk, no mail server: a complaint answered (its email held in the outbox) then closed looked finished
 * everywhere — the close question said nothing of the held answer, the dashboard's tile said « Aucune réponse retenue »,
 * the queue « Fermée / Traitée ». A closed file whose answer is held now stays held (tile, filter, status, urgency,
 * warning) until the officer records how and when the answer reached the person another way, which the page then says.
 */
class ComplaintClosedWhileHeldTest extends WebTestSupport {

    private static final String NNBSP = "\u202f";
    private static final Pattern NEXT = Pattern.compile("id=\"queue-next\"[^>]*href=\"([^\"]+)\"");

    @Autowired
    Complaints complaints;

    private Complaint answered(MockHttpSession officer) throws Exception {
        var complaint =
                complaints.receiveFromPortal(ComplaintMessagesTest.fromPortal(unique("ferme") + "@example.test"));
        step(officer, complaint.id(), "answer", "reasons", "Nous avons examiné votre plainte.");
        return complaint;
    }

    private FlashMap step(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request =
                post("/console/complaints/" + id + "/" + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getFlashMap();
    }

    private String page(MockHttpSession session, String path, FlashMap flash) throws Exception {
        session.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        var request = get(path).session(session).header("Accept-Language", "fr");
        if (flash != null) {
            request.flashAttrs(flash);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String file(MockHttpSession session, UUID id, String lang) throws Exception {
        return page(session, "/console/complaints/" + id + "?lang=" + lang, null);
    }

    /** The ids the held filter lists, every page of it. */
    private List<String> heldRows(MockHttpSession session) throws Exception {
        var ids = new ArrayList<String>();
        for (var next = "/console/complaints?status=HELD&lang=fr"; next != null; ) {
            var html = page(session, next, null);
            var row = Pattern.compile("data-complaint=\"([0-9a-f-]{36})\"").matcher(html);
            while (row.find()) {
                ids.add(row.group(1));
            }
            var more = NEXT.matcher(html);
            next = more.find() ? more.group(1).replace("&amp;", "&") : null;
        }
        return ids;
    }

    /** The number the dashboard's held figure says. */
    private long heldFigure(MockHttpSession session) throws Exception {
        var matcher = Pattern.compile("<a href=\"/console/complaints\\?status=HELD\">([^<]*)</a>")
                .matcher(page(session, "/console", null));
        if (!matcher.find()) {
            return 0; // no figure linked: none held
        }
        var digits = matcher.group(1).replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("America/Toronto")).toString();
    }

    @Test
    void aClosedFileWhoseAnswerIsHeldStaysHeldUntilTheAnswerIsRecordedTransmittedAnotherWay() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var complaint = answered(officer);
        var id = complaint.id();
        // the question before closing says the answer never left (it said only that no step could follow)
        assertThat(file(officer, id, "fr"))
                .contains("Fermer ce dossier" + NNBSP + "? Le plaignant n’a pas reçu la réponse");
        assertThat(file(officer, id, "en")).contains("Close this file? The complainant has not received the answer");
        step(officer, id, "close");
        var closed = file(officer, id, "fr");
        assertThat(closed)
                .contains("<dd id=\"status\">Fermée, réponse retenue dans la boîte d’envoi (non partie)</dd>")
                .contains("id=\"letter-held\"", "id=\"transmitted-form\"")
                .doesNotContain("<dd id=\"status\">Fermée</dd>");
        assertThat(file(officer, id, "en"))
                .contains("<dd id=\"status\">Closed, answer held in the outbox (not sent yet)</dd>");
        // the queue's held filter lists it, its urgency held, and the tile counts what the filter lists
        var held = heldRows(officer);
        assertThat(held).contains(id.toString());
        assertThat(heldFigure(officer)).isEqualTo(held.size());
        assertThat(page(officer, "/console/complaints?status=CLOSED&lang=fr&q=" + complaint.reference(), null))
                .contains("Fermée, réponse retenue dans la boîte d’envoi (non partie)")
                .contains("Réponse retenue, pas encore partie")
                .doesNotContain("data-label=\"État\">Fermée<");

        // a refusal keeps what was typed, each error next to its field
        var refused = step(officer, id, "answer-transmitted", "transmittedOn", "", "means", "par la poste");
        var again = page(officer, "/console/complaints/" + id + "?lang=fr", refused);
        assertThat(again).contains("id=\"transmittedOn-error\"", "value=\"par la poste\"");
        var future = LocalDate.parse(today()).plusDays(3).toString();
        var late = step(officer, id, "answer-transmitted", "transmittedOn", future, "means", "");
        assertThat(page(officer, "/console/complaints/" + id + "?lang=fr", late))
                .contains("id=\"transmittedOn-error\"", "id=\"means-error\"", "value=\"" + future + "\"")
                // a sentence, not the API's fragment « Transmise le : ne doit pas être dans le futur » (officer's walk)
                .contains("Cette date ne doit pas être dans le futur.");
        assertThat(heldRows(officer)).contains(id.toString());

        // recorded: no longer held anywhere, and the page says how and when
        var done = step(officer, id, "answer-transmitted", "transmittedOn", today(), "means", "par la poste");
        assertThat(done.get("refused")).isNull();
        // said with the means and the day, not a bare « C’est fait. » (officer's walk)
        assertThat(page(officer, "/console/complaints/" + id + "?lang=fr", done))
                .contains("Réponse notée comme transmise par la poste le " + today() + ".")
                .doesNotContain("C’est fait.");
        var passedOn = file(officer, id, "fr");
        assertThat(passedOn)
                .contains("<dd id=\"status\">Fermée</dd>")
                .doesNotContain("id=\"letter-held\"", "id=\"transmitted-form\"")
                .contains("id=\"answer-transmitted\"", "le " + today() + NNBSP + ":", "par la poste")
                .contains(
                        "Réponse transmise au plaignant le " + today() + ", autrement que par courriel" + NNBSP + ":");
        // a sentence: the day, how, then who (officer's walk: "…, le 2026-12-07 : (Personne responsable) par la poste")
        var line = passedOn.substring(passedOn.indexOf("Réponse transmise au plaignant le"));
        line = line.substring(0, line.indexOf("</li>"));
        assertThat(line.indexOf("par la poste")).isPositive().isLessThan(line.indexOf("class=\"actor\""));
        var after = heldRows(officer);
        assertThat(after).doesNotContain(id.toString());
        assertThat(heldFigure(officer)).isEqualTo(after.size());
        var fact = awaitLedgerEntry("complaints.answer-transmitted", id);
        assertThat(String.valueOf(fact.get("payload")))
                .contains("\"on\":\"" + today() + "\"", "sha256")
                .doesNotContain("poste");
        // once is enough: recording it again is a conflict
        mvc.perform(post("/api/v1/complaints/" + id + "/answer-transmitted")
                        .headers(auth(officerBearer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transmittedOn\":\"" + today() + "\",\"means\":\"en main propre\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theApiRecordsAHeldAnswerTransmittedAndRefusesAFileWhoseAnswerIsNotHeld() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var open = complaints.receiveFromPortal(ComplaintMessagesTest.fromPortal(unique("ouvert") + "@example.test"));
        var body = "{\"transmittedOn\":\"" + today() + "\",\"means\":\"by post\"}";
        mvc.perform(post("/api/v1/complaints/" + open.id() + "/answer-transmitted")
                        .headers(auth(officerBearer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        var answered = answered(officer).id();
        mvc.perform(post("/api/v1/complaints/" + answered + "/answer-transmitted")
                        .headers(auth(officerBearer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transmittedOn\":\"\",\"means\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("transmittedOn"),
                                org.hamcrest.Matchers.containsString("means"))));
        mvc.perform(post("/api/v1/complaints/" + answered + "/answer-transmitted")
                        .headers(auth(officerBearer()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        assertThat(heldRows(officer)).doesNotContain(answered.toString());
        assertThat(file(officer, answered, "en"))
                .contains("<dd id=\"status\">Answered</dd>", "by post")
                .doesNotContain("id=\"letter-held\"");
    }
}
