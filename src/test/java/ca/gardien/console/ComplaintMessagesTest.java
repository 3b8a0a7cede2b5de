package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaints;
import ca.gardien.complaints.NewComplaint;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The complaint's page lists the messages Gardien queued about the file, as the request's page does (the same
 * fragment): when, channel, subject and status, each subject a link to the message in the outbox for those who may open
 * the outbox; a file with none says so in words.
 */
class ComplaintMessagesTest extends WebTestSupport {

    @Autowired
    Complaints complaints;

    @Autowired
    Outbox outbox;

    UUID received(String email) {
        return complaints.receiveFromPortal(fromPortal(email)).id();
    }

    /** A complaint as the public form sends it, in French, from this email address. */
    static NewComplaint fromPortal(String email) {
        return new NewComplaint(
                "Camille Synthétique",
                email,
                "+1 514 555 0199",
                "Accès refusé",
                "Ma demande d’accès est restée sans réponse.",
                null,
                "fr",
                null,
                null);
    }

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theQueuedAcknowledgementIsListedWithALinkToTheOutboxInBothLanguages() throws Exception {
        var id = received(unique("ack") + "@example.test");
        var acknowledgement = outbox.about(id.toString()).getFirst();
        var officer = login(OFFICER, OFFICER_PASSWORD);

        var french = page("/console/complaints/" + id + "?lang=fr", officer);
        assertThat(french)
                .contains("id=\"messages-title\">Messages</h2>", "<th scope=\"col\">Objet</th>")
                .contains("href=\"/console/outbox/" + acknowledgement.id() + "\"")
                .contains("Accusé de réception : votre plainte <span class=\"reference\">C-")
                .contains("Courriel", "Retenu dans la boîte d’envoi")
                .doesNotContain("id=\"no-messages\"");
        var english = page("/console/complaints/" + id + "?lang=en", officer);
        assertThat(english)
                .contains("id=\"messages-title\">Messages</h2>", "<th scope=\"col\">Subject</th>")
                .contains("href=\"/console/outbox/" + acknowledgement.id() + "\"")
                .contains("Email", "Held in the outbox");
    }

    @Test
    void aRefusedFormIsTitledAsTheConsoleTitlesARefusedForm() throws Exception {
        var id = received(unique("note") + "@example.test");
        var officer = login(OFFICER, OFFICER_PASSWORD);
        page("/console/complaints/" + id + "?lang=fr", officer);
        var refused = mvc.perform(post("/console/complaints/" + id + "/notes")
                        .session(officer)
                        .with(csrf())
                        .param("text", ""))
                .andReturn();
        var french = mvc.perform(
                        get("/console/complaints/" + id).session(officer).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // a refusal naming fields has the console's one heading for a refused form (officer's walk: three wordings)
        assertThat(french)
                .contains("id=\"refused-box\"", "Corrigez les champs signalés.")
                .doesNotContain("Refusé");
    }

    @Test
    void aFileWithoutMessagesSaysSoInWords() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        // a complaint received by phone with no email address: no acknowledgement is queued
        var location = mvc.perform(multipart("/console/complaints/new")
                        .file(new MockMultipartFile(
                                "letter", "note.pdf", "application/pdf", "%PDF-1.4 note".getBytes()))
                        .param("channel", "PHONE")
                        .param(
                                "receivedOn",
                                java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto"))
                                        .toString())
                        .param("language", "fr")
                        .param("name", "Camille Exemple")
                        .param("email", "")
                        .param("phone", "+1 555 010 0199")
                        .param("subject", "Appel reçu")
                        .param("reasons", "Des appels après mon retrait.")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("/console/complaints/" + id + "?lang=fr", officer))
                .contains("<p id=\"no-messages\">Aucun message.</p>")
                .doesNotContain("id=\"messages\"");
        assertThat(page("/console/complaints/" + id + "?lang=en", officer))
                .contains("<p id=\"no-messages\">No message.</p>");
    }

    @Test
    void onlyThoseWhoMaySeeTheFileSeeItsMessagesAndOnlyTheOutboxsReadersGetALink() throws Exception {
        var id = received(unique("staff") + "@example.test");
        var staff = person(Role.STAFF);
        var staffSession = login(staff.username(), staff.password());
        mvc.perform(get("/console/complaints/" + id).session(staffSession)).andExpect(status().isForbidden());
        var auditor = person(Role.AUDITOR);
        mvc.perform(get("/console/complaints/" + id).session(login(auditor.username(), auditor.password())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/console/complaints/" + id + "/assignment")
                        .param("accountId", staff.id().toString())
                        .session(login(OFFICER, OFFICER_PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/console/complaints/" + id + "?lang=fr", staffSession))
                .contains("id=\"messages\"", "Accusé de réception : votre plainte <span class=\"reference\">C-")
                .doesNotContain("class=\"message-link\"");
    }
}
