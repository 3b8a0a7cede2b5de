package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.support.SmtpTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * With a mail server, the register dates the persons' notice the day it actually left, not the day it was queued: a
 * notice stored before the server was configured is held (not dated, the dates form neither offers nor takes a date
 * for it) until the officer sends it from the outbox, which dates it that day.
 */
class PersonsNoticeDatedFromSendingTest extends SmtpTestSupport {

    private final String person = unique("dora") + "@example.test";

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    Outbox outbox;

    @Autowired
    ca.gardien.organization.Organization organization;

    private String personsNoticeOn(String id) throws Exception {
        var entry = new IncidentCalls(mvc).send(HttpMethod.GET, officerBearer(), "/api/v1/incidents/" + id, "", 200);
        return JsonPath.read(entry, "$.personsNoticeOn");
    }

    /** A serious-risk entry whose one person was found through a connector; its id. */
    private String entryWithOnePersonFound() throws Exception {
        var url = "jdbc:h2:mem:dated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200))");
            c.createStatement().execute("INSERT INTO customer VALUES (1, '" + person + "')");
        }
        var connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", ca.gardien.shared.Actor.SYSTEM);
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        calls.send(
                HttpMethod.POST, officer, "/api/v1/incidents/" + id + "/persons/search", """
                {"connector": "%s", "table": "customer", "emailColumn": "email",
                 "keyColumn": "id", "keys": ["1"]}""".formatted(connector), 200);
        calls.completePersonsNotice(officer, id, organization);
        return id;
    }

    @Test
    void thePersonsNoticeIsDatedTheDayItLeftNeverTypedWhileItWaits() throws Exception {
        clock.setDay("2026-11-23");
        var id = entryWithOnePersonFound();
        var calls = new IncidentCalls(mvc);
        calls.send(HttpMethod.POST, officerBearer(), "/api/v1/incidents/" + id + "/persons/notify", "", 200);
        var message = outbox.about(id).stream()
                .filter(m -> IncidentPersons.NOTICE_TEMPLATE.equals(m.template()))
                .findFirst()
                .orElseThrow()
                .id();
        // the server took it at once: dated from that sending
        await().atMost(Duration.ofSeconds(20)).until(() -> "2026-11-23".equals(personsNoticeOn(id)));

        // stored before the server was configured: not sent, not dated
        storedBeforeTheServer(message);
        jdbc.sql("UPDATE incident SET persons_notice_on = NULL WHERE id = ?")
                .param(UUID.fromString(id))
                .update();
        clock.setDay("2026-11-25");
        var refused = calls.send(HttpMethod.POST, officerBearer(), "/api/v1/incidents/" + id + "/notices", """
                {"caiNoticeOn": "2026-11-24", "personsNoticeOn": "2026-11-24", "publicNotice": false}""", 400);
        assertThat(refused).contains("personsNoticeOn");
        assertThat(personsNoticeOn(id)).isNull();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var page = mvc.perform(get("/console/incidents/" + id + "?lang=fr").session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"persons-notice-waits\"")
                .contains("id=\"held-notices\"")
                .contains("avant la configuration du serveur de courriel");
        // the other dates still go in
        calls.send(HttpMethod.POST, officerBearer(), "/api/v1/incidents/" + id + "/notices", """
                {"caiNoticeOn": "2026-11-24", "publicNotice": false}""", 200);

        clock.setDay("2026-11-27");
        mvc.perform(post("/console/outbox/" + message + "/send")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(20)).until(() -> "2026-11-27".equals(personsNoticeOn(id)));
        assertThat(messageStatus(message)).isEqualTo("SENT");
        assertThat(received(person)).isEqualTo(2); // once at first, once when sent from the outbox
        assertThat(JsonPath.<List<String>>read(
                        calls.send(HttpMethod.GET, officerBearer(), "/api/v1/incidents/" + id + "/persons", "", 200),
                        "$[*].status"))
                .containsExactly("SENT");
    }
}
