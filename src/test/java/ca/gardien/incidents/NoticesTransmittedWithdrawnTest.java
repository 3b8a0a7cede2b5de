package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.mail.HeldMailRelease;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * Officer's walk, no mail server: the persons' notices recorded transmitted another way still read « 0 avis envoyés,
 * 3 en attente » and « Retenu dans la boîte d’envoi » — sendable once a server is configured, twice delivered. Recording
 * the transmission now withdraws them from the outbox in the same transaction: counted as transmitted, shown in words
 * on the entry's and the outbox's pages, no longer held, and « send now » refuses them.
 */
@Import(IncidentsTestConfiguration.class)
class NoticesTransmittedWithdrawnTest extends WebTestSupport {

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    Outbox outbox;

    @Autowired
    HeldMailRelease release;

    @Autowired
    PersonsTransmissions transmissions;

    @Autowired
    ca.gardien.organization.Organization organization;

    /** An entry whose persons (these addresses) were found through a connector; its id. */
    static String entryWithPersons(
            org.springframework.test.web.servlet.MockMvc mvc,
            ca.gardien.connectors.ConnectorDesk connectors,
            ca.gardien.organization.Organization organization,
            String officer,
            List<String> persons)
            throws Exception {
        var url = "jdbc:h2:mem:withdrawn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var keys = new StringBuilder();
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200))");
            var insert = c.prepareStatement("INSERT INTO customer VALUES (?, ?)");
            for (int i = 0; i < persons.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, persons.get(i));
                insert.executeUpdate();
                keys.append(i == 0 ? "" : ", ").append('"').append(i + 1).append('"');
            }
        }
        var connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", Actor.SYSTEM);
        var calls = new IncidentCalls(mvc);
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        calls.send(
                HttpMethod.POST,
                officer,
                "/api/v1/incidents/" + id + "/persons/search",
                """
                {"connector": "%s", "table": "customer", "emailColumn": "email",
                 "keyColumn": "id", "keys": [%s]}""".formatted(connector, keys),
                200);
        calls.completePersonsNotice(officer, id, organization); // the notice's s. 5 content, else it is refused
        return id;
    }

    @Test
    void noticesRecordedTransmittedAnotherWayAreWithdrawnFromTheOutboxAndCountedAsTransmitted() throws Exception {
        var persons = List.of(
                unique("ana") + "@example.test", unique("ben") + "@example.test", unique("chloe") + "@example.test");
        var officer = officerBearer();
        var id = entryWithPersons(mvc, connectors, organization, officer, persons);
        var calls = new IncidentCalls(mvc);
        var base = "/api/v1/incidents/" + id;
        calls.send(HttpMethod.POST, officer, base + "/persons/notify", "", 200);
        assertThat(transmissions.held(UUID.fromString(id))).isEqualTo(3);

        var today = LocalDate.now(ZoneId.of("America/Toronto")).toString();
        calls.send(HttpMethod.POST, officer, base + "/persons/transmitted", """
                {"sentOn": "%s", "means": "Lettres envoyées par la poste"}""".formatted(today), 200);

        var notices = outbox.about(id).stream()
                .filter(m -> IncidentPersons.NOTICE_TEMPLATE.equals(m.template()))
                .toList();
        assertThat(notices).hasSize(3).allMatch(m -> "WITHDRAWN".equals(m.status()));
        assertThat(transmissions.held(UUID.fromString(id))).isZero();
        assertThat(JsonPath.<List<String>>read(
                        calls.send(HttpMethod.GET, officer, base + "/persons", "", 200), "$[*].status"))
                .containsOnly("WITHDRAWN");

        var session = login(OFFICER, OFFICER_PASSWORD);
        var entry = htmlOf(session, "/console/incidents/" + id + "?lang=fr");
        var counts = entry.substring(
                entry.indexOf("id=\"delivery-counts\""),
                entry.indexOf("</p>", entry.indexOf("id=\"delivery-counts\"")));
        assertThat(counts).contains("0 avis envoyés", "3 avis transmis autrement", "0 en attente");
        var rows = entry.substring(
                entry.indexOf("id=\"deliveries\""), entry.indexOf("</table>", entry.indexOf("id=\"deliveries\"")));
        assertThat(rows)
                .contains("Transmis autrement — non envoyé par Gardien")
                .doesNotContain("En attente d’envoi", "WITHDRAWN");
        assertThat(htmlOf(session, "/console/incidents/" + id + "?lang=en"))
                .contains("3 notices transmitted another way", "Transmitted another way — not sent by Gardien");
        var notice = notices.getFirst().id();
        assertThat(htmlOf(session, "/console/outbox/" + notice + "?lang=fr"))
                .contains("Transmis autrement — non envoyé par Gardien")
                .doesNotContain("Retenu dans la boîte d’envoi");
        assertThat(htmlOf(session, "/console/outbox?held=true&q=" + persons.getFirst()))
                .doesNotContain(notice.toString());
        assertThatThrownBy(() -> release.sendNow(notice, Actor.SYSTEM))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).isEqualTo("mail.send-now.withdrawn"));
        var fact = awaitLedgerEntry("incidents.persons-notice-transmitted", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("\"withdrawnFromOutbox\":\"3\"");
    }
}
