package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaints;
import ca.gardien.mail.HeldMail;
import ca.gardien.mail.Outbox;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without a mail server every email is held at once (no grace: nothing takes it), the outbox's filter lists it, and
 * « send now » is neither offered nor done: refused in words, the message still stored.
 */
class HeldMailWithoutServerTest extends WebTestSupport {

    @Autowired
    Complaints complaints;

    @Autowired
    Outbox outbox;

    @Autowired
    HeldMail held;

    @Test
    void withoutAMailServerAHeldEmailIsListedButCannotBeSentFromTheOutbox() throws Exception {
        var complaint = complaints.receiveFromPortal(
                ComplaintMessagesTest.fromPortal(unique("sans-serveur") + "@example.test"));
        var message = outbox.about(complaint.id().toString()).stream()
                .filter(m -> m.channel() == ca.gardien.mail.Message.Channel.EMAIL)
                .findFirst()
                .orElseThrow();
        assertThat(held.held(message)).isTrue();
        assertThat(held.stranded())
                .as("the console's other notice says it: no mail server")
                .isZero();
        var officer = login(OFFICER, OFFICER_PASSWORD);

        var listed = mvc.perform(get("/console/outbox?held=true&lang=fr&q=" + complaint.reference())
                        .session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).contains("data-message=\"" + message.id() + "\"").contains("id=\"held-intro\"");
        var shown = mvc.perform(get("/console/outbox/" + message.id()).session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown).doesNotContain("id=\"send-now\"").contains("id=\"mail-held\"");

        var refused = mvc.perform(post("/console/outbox/" + message.id() + "/send")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        assertThat(String.valueOf(refused.get("refused"))).contains("Aucun serveur de courriel n’est configuré");
        assertThat(refused.get("done")).isNull();
        assertThat(outbox.about(complaint.id().toString()))
                .filteredOn(m -> m.id().equals(message.id()))
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("STORED"));
    }
}
