package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaints;
import ca.gardien.mail.HeldMailRelease;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.support.WebTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/**
 * Officer's walk, no mail server: a complaint's answer recorded transmitted another way left its acknowledgement and
 * answer « Retenu dans la boîte d’envoi », sendable once a server is configured — twice delivered. Recording it now
 * withdraws the file's held letters (never sent by Gardien, said in words on the file and outbox pages, « send now »
 * refused); while the answer is held the file's urgency says so as the queue does (it said « Traitée »); the entry
 * of a complaint says its acknowledgement is held rather than promising it was sent.
 */
class ComplaintLettersWithdrawnTest extends WebTestSupport {

    private static final String WITHDRAWN = "Transmis autrement — non envoyé par Gardien";

    @Autowired
    Complaints complaints;

    @Autowired
    Outbox outbox;

    @Autowired
    HeldMailRelease release;

    private FlashMap step(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request =
                post("/console/complaints/" + id + "/" + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getFlashMap();
    }

    @Test
    void anAnswerRecordedTransmittedWithdrawsTheFilesHeldLettersFromTheOutbox() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var complaint =
                complaints.receiveFromPortal(ComplaintMessagesTest.fromPortal(unique("retire") + "@example.test"));
        var id = complaint.id();
        step(officer, id, "answer", "reasons", "Nous avons examiné votre plainte.");
        var held = htmlOf(officer, "/console/complaints/" + id + "?lang=fr");
        // held: the file's urgency is the queue's, not « Traitée »
        assertThat(held).contains("class=\"urgency ").contains("Réponse retenue, pas encore partie");
        assertThat(held.substring(
                        held.indexOf("class=\"urgency "), held.indexOf("</span>", held.indexOf("class=\"urgency "))))
                .doesNotContain("Traitée");

        var today = LocalDate.now(ZoneId.of("America/Toronto")).toString();
        assertThat(step(officer, id, "answer-transmitted", "transmittedOn", today, "means", "par la poste")
                        .get("refused"))
                .isNull();

        var letters = outbox.about(id.toString());
        assertThat(letters)
                .filteredOn(m -> m.template().equals("complaint-received")
                        || m.template().equals("complaint-answer"))
                .hasSize(2)
                .allMatch(m -> "WITHDRAWN".equals(m.status()));
        var file = htmlOf(officer, "/console/complaints/" + id + "?lang=fr");
        var messages = file.substring(
                file.indexOf("id=\"messages\""), file.indexOf("</table>", file.indexOf("id=\"messages\"")));
        assertThat(messages).contains(WITHDRAWN).doesNotContain("Retenu dans la boîte d’envoi", "WITHDRAWN");
        assertThat(htmlOf(officer, "/console/complaints/" + id + "?lang=en"))
                .contains("Transmitted another way — not sent by Gardien");
        var answer = letters.stream()
                .filter(m -> m.template().equals("complaint-answer"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(htmlOf(officer, "/console/outbox/" + answer + "?lang=fr"))
                .contains(WITHDRAWN)
                .doesNotContain("Envoyer maintenant");
        assertThatThrownBy(() -> release.sendNow(answer, Actor.SYSTEM))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).contains("mail.send-now.withdrawn"));
        var refused = mvc.perform(post("/console/outbox/" + answer + "/send")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .containsAnyOf("inscrit comme transmis autrement", "recorded as transmitted another way");
        assertThat(outbox.about(id.toString()))
                .filteredOn(m -> m.id().equals(answer))
                .allMatch(m -> "WITHDRAWN".equals(m.status()));
        assertThat(htmlOf(officer, "/console/outbox?held=true&q=" + complaint.reference()))
                .doesNotContain(answer.toString());
        var fact = awaitLedgerEntry("complaints.answer-transmitted", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("\"withdrawnFromOutbox\":\"2\"");
    }

    @Test
    void aComplaintEnteredWithNoMailServerSaysItsAcknowledgementIsHeld() throws Exception {
        var staff = login(OFFICER, OFFICER_PASSWORD);
        assertThat(htmlOf(staff, "/console/complaints/new?lang=fr"))
                .contains("Aucun serveur de courriel n’est configuré")
                .doesNotContain("le plaignant reçoit un accusé de réception par courriel");
        var entered = mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "EMAIL")
                        .param(
                                "receivedOn",
                                LocalDate.now(ZoneId.of("America/Toronto")).toString())
                        .param("language", "fr")
                        .param("name", "Alex Synthétique")
                        .param("email", unique("accuse") + "@example.test")
                        .param("phone", "")
                        .param("subject", "Courriels après retrait")
                        .param("reasons", "Des courriels après mon retrait.")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var file = mvc.perform(get(entered.getResponse().getRedirectedUrl() + "?lang=fr")
                        .session(staff)
                        .flashAttrs(entered.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file.substring(file.indexOf("id=\"done\""), file.indexOf("</p>", file.indexOf("id=\"done\""))))
                .contains("La plainte est inscrite")
                .contains("L’accusé de réception est retenu dans la boîte d’envoi");
    }
}
