package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.complaints.Complaints;
import ca.gardien.mail.Message;
import ca.gardien.organization.Role;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * Code re-read: the dashboard counted an answer held when any of its messages waited in the outbox, while the rows and
 * the pages read its last message; an answer whose email was held and then sent again, and left, was counted held and
 * listed under the held filter yet said delivered on its row. One definition now, the last message's: the figure is the
 * number of rows its link lists, and a re-sent answer that left is in neither (no mail server in these tests).
 */
class HeldAnswersCountedAsListedTest extends RequestConsoleSupport {

    private static final Pattern NEXT = Pattern.compile("id=\"queue-next\"[^>]*href=\"([^\"]+)\"");

    @Autowired
    Complaints complaints;

    @Autowired
    JdbcClient jdbc;

    /** The object's answer sent again after its held email, the later email gone (a mail server took it). */
    private void resentAndLeft(UUID id, String template, String type) {
        var first = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals(template))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(first.status()).isEqualTo("STORED");
        var later = outbox.queue(new Message(
                Message.Channel.EMAIL,
                "again@example.test",
                template,
                Locale.CANADA_FRENCH,
                List.of(),
                type,
                id.toString(),
                false));
        jdbc.sql("UPDATE mail_message SET status = 'SENT', created_at = ? WHERE id = ?")
                .params(first.createdAt().plusSeconds(1).atOffset(ZoneOffset.UTC), later)
                .update();
    }

    /** The number the dashboard's figure linking to {@code link} says. */
    private long figure(MockHttpSession session, String link) throws Exception {
        var matcher = Pattern.compile("<a href=\"" + Pattern.quote(link) + "\">([^<]*)</a>")
                .matcher(page("/console", session));
        assertThat(matcher.find()).as("a figure links to " + link).isTrue();
        var digits = matcher.group(1).replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    /** The ids of the rows a list shows ({@code data-<kind>="id"}), every page of it. */
    private List<String> rows(String path, String kind, MockHttpSession session) throws Exception {
        var ids = new ArrayList<String>();
        for (var next = path; next != null; ) {
            var html = page(next, session);
            var row = Pattern.compile("data-" + kind + "=\"([0-9a-f-]{36})\"").matcher(html);
            while (row.find()) {
                ids.add(row.group(1));
            }
            var more = NEXT.matcher(html);
            next = more.find() ? more.group(1).replace("&amp;", "&") : null;
        }
        return ids;
    }

    @Test
    void aRequestsAnswerResentAndGoneIsNotHeldAndTheHeldFigureIsTheNumberOfRowsItsLinkLists() throws Exception {
        var resent = sentByLink();
        var held = sentByLink();
        resentAndLeft(resent, "requests.delivery", "request");
        var officer = session(Role.PRIVACY_OFFICER);
        var listed = rows("/console/requests?status=HELD", "request", officer);
        assertThat(listed).contains(held.toString()).doesNotContain(resent.toString());
        assertThat(figure(officer, "/console/requests?status=HELD")).isEqualTo(listed.size());
        assertThat(page("/console/requests/" + resent, officer)).doesNotContain("id=\"sent-held\"");
        assertThat(page("/console/requests/" + held, officer)).contains("id=\"sent-held\"");
    }

    @Test
    void aComplaintsAnswerResentAndGoneIsNotHeldAndTheHeldFigureIsTheNumberOfFilesItsLinkLists() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var again = answered(officer);
        var resent = again.id();
        var held = answered(officer).id();
        resentAndLeft(resent, "complaint-answer", "complaint");
        var listed = rows("/console/complaints?status=HELD", "complaint", officer);
        assertThat(listed).contains(held.toString()).doesNotContain(resent.toString());
        assertThat(figure(officer, "/console/complaints?status=HELD")).isEqualTo(listed.size());
        assertThat(page("/console/complaints?status=ANSWERED&lang=fr&q=" + again.reference(), officer))
                .contains("data-label=\"État\">Répondue<")
                .doesNotContain("data-label=\"État\">Réponse placée");
    }

    /** A complaint answered from the console, its answer's email held in the outbox. */
    private ca.gardien.complaints.Complaint answered(MockHttpSession officer) throws Exception {
        var complaint =
                complaints.receiveFromPortal(ComplaintMessagesTest.fromPortal(unique("held") + "@example.test"));
        var id = complaint.id();
        var flash = mvc.perform(post("/console/complaints/" + id + "/answer")
                        .session(officer)
                        .with(csrf())
                        .param("reasons", "Nous avons examiné votre plainte."))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).isNull();
        return complaint;
    }
}
