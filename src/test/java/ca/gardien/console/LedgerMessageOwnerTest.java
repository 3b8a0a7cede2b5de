package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.mail.Message;
import ca.gardien.organization.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Officer's review: a ledger line about a message of the outbox said which kind of message it was, not which request it
 * belonged to. Opening a message records the object it is about; the ledger line then reads "— demande R-…", a link to
 * the request's page.
 */
class LedgerMessageOwnerTest extends RequestConsoleSupport {

    @Test
    void aMessageOpenedInTheOutboxReadsOnTheLedgerWithTheRequestItIsAboutAndALinkToIt() throws Exception {
        var id = received("ACCESS");
        var reference = requests.get(id).reference();
        var message = outbox.queue(new Message(
                Message.Channel.EMAIL,
                unique("owner") + "@example.test",
                "requests.code",
                null,
                List.of(reference, "123456", "15"),
                "request",
                id.toString()));
        var officer = login(OFFICER, OFFICER_PASSWORD);
        page("/console/outbox/" + message, officer);
        assertThat(String.valueOf(
                        awaitLedgerEntry("mail.outbox-viewed", message).get("payload")))
                .contains("\"relatedType\":\"request\"", "\"relatedId\":\"" + id + "\"");

        var path = "/console/ledger?action=mail.outbox-viewed&object=" + message;
        assertThat(page(path + "&lang=fr", officer))
                .contains("<a href=\"/console/requests/" + id + "\">demande " + reference + "</a>");
        var auditor = person(Role.AUDITOR);
        assertThat(page(path + "&lang=en", login(auditor.username(), auditor.password())))
                .contains("<a href=\"/console/requests/" + id + "\">request " + reference + "</a>");

        // officer's walk: searched by the request's reference, the ledger left out who opened its code message
        var byReference = "/console/ledger?action=mail.outbox-viewed&object=" + reference + "&lang=fr";
        assertThat(page(byReference, officer))
                .contains("<a href=\"/console/requests/" + id + "\">demande " + reference);
        assertThat(page("/console/ledger/export.csv?action=mail.outbox-viewed&object=" + reference, officer))
                .contains(message.toString())
                .as("the CSV names the file as the page does (officer's re-walk)")
                .contains(" — demande " + reference);
        assertThat(page("/console/ledger?action=mail.outbox-viewed&object=" + id + "&lang=fr", officer))
                .as("the request's id finds them too")
                .contains("<a href=\"/console/requests/" + id + "\">demande " + reference);
    }
}
