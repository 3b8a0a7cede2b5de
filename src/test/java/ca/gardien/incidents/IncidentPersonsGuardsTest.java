package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The attacker's review of the persons' steps: two sends at once notify each person once, and a search repeated after
 * sending holds nobody already notified; an entry cannot close while
 * addresses found are still held; a window with a year Java reads but a database cannot is a 400 naming its field;
 * the address column must be a text column.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentPersonsGuardsTest extends WebTestSupport {

    static final List<String> PERSONS =
            List.of("ana@example.test", "ben@example.test", "chloe@example.test", "dev@example.test");

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    @Autowired
    ca.gardien.organization.Organization organization;

    String connector;

    @BeforeEach
    void plant() throws Exception {
        var url = "jdbc:h2:mem:guards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200), created_at TIMESTAMP)");
            var insert = c.prepareStatement("INSERT INTO customer VALUES (?, ?, TIMESTAMP '2026-11-19 10:00:00')");
            for (int i = 0; i < PERSONS.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, PERSONS.get(i));
                insert.executeUpdate();
            }
        }
        connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", ca.gardien.shared.Actor.SYSTEM);
    }

    private int statusOf(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String newIncident(String officer) throws Exception {
        return JsonPath.read(
                body(
                        post("/api/v1/incidents")
                                .header(HttpHeaders.AUTHORIZATION, officer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(IncidentsApiTest.MINIMAL),
                        201),
                "$.id");
    }

    private org.springframework.test.web.servlet.RequestBuilder search(String officer, String id, String window) {
        return post("/api/v1/incidents/" + id + "/persons/search")
                .header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"connector": "%s", "table": "customer", "emailColumn": "email", "timeColumn": "created_at",
                         %s}""".formatted(connector, window));
    }

    @Test
    void twoSendsAtOnceNotifyEachPersonOnceAndTheOtherIsRefused() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        body(search(officer, id, "\"from\": \"2026-11-18T00:00:00Z\", \"to\": \"2026-11-21T00:00:00Z\""), 200);
        new IncidentCalls(mvc).completePersonsNotice(officer, id, organization);

        var start = new CyclicBarrier(2);
        var sends = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < 2; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return statusOf(post("/api/v1/incidents/" + id + "/persons/notify")
                            .header(HttpHeaders.AUTHORIZATION, officer));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(sends.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(outbox.about(id).stream()
                        .filter(m -> m.template().equals("incidents.persons-notice"))
                        .map(m -> m.recipient())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(PERSONS);

        // the same search again finds the same persons, already notified: nobody is held or notified twice (their
        // addresses stay kept, once each, while their notices wait in the outbox: no mail server in the tests)
        var again =
                body(search(officer, id, "\"from\": \"2026-11-18T00:00:00Z\", \"to\": \"2026-11-21T00:00:00Z\""), 200);
        assertThat((Integer) JsonPath.read(again, "$.found")).isEqualTo(PERSONS.size());
        assertThat((Integer) JsonPath.read(again, "$.held")).isEqualTo(PERSONS.size());
        assertThat(statusOf(
                        post("/api/v1/incidents/" + id + "/persons/notify").header(HttpHeaders.AUTHORIZATION, officer)))
                .isEqualTo(409);
    }

    @Test
    void anEntryWithAddressesStillHeldCannotCloseAndAWindowOutOfRangeOrANumberColumnIsRefused() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        var farAway = body(
                search(officer, id, "\"from\": \"2026-11-18T00:00:00Z\", \"to\": \"+999999999-12-31T23:59:59Z\""), 400);
        assertThat((List<String>) JsonPath.read(farAway, "$.errors[*].field")).containsExactly("to");
        var numbers = body(
                post("/api/v1/incidents/" + id + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "customer", "emailColumn": "id", "keyColumn": "id",
                                 "keys": ["1"]}""".formatted(connector)),
                400);
        assertThat((List<String>) JsonPath.read(numbers, "$.errors[*].field")).containsExactly("emailColumn");

        body(search(officer, id, "\"from\": \"2026-11-18T00:00:00Z\", \"to\": \"2026-11-21T00:00:00Z\""), 200);
        var entry = body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/incidents/" + id)
                        .header(HttpHeaders.AUTHORIZATION, officer),
                200);
        assertThat((List<String>) JsonPath.read(entry, "$.missingForClosing")).contains("persons");
        body(post("/api/v1/incidents/" + id + "/persons/done").header(HttpHeaders.AUTHORIZATION, officer), 200);
        var after = body(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/incidents/" + id)
                        .header(HttpHeaders.AUTHORIZATION, officer),
                200);
        assertThat((List<String>) JsonPath.read(after, "$.missingForClosing")).doesNotContain("persons");
    }
}
