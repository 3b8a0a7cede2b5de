package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.RefusingSmtpServer;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that refuses a person's address for good: that person's notice is undelivered (FAILED), counted and
 * shown as such on the incident's page, and the entry then needs a public notice or a reason; the others are sent.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentNoticeRefusedTest extends WebTestSupport {

    static final List<String> PERSONS = List.of("ana@example.test", "gone@example.test", "chloe@example.test");

    static final RefusingSmtpServer SMTP = start();

    private static RefusingSmtpServer start() {
        try {
            return new RefusingSmtpServer(List.of("gone@example.test"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() throws Exception {
        SMTP.close();
    }

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    ca.gardien.organization.Organization organization;

    private String call(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAddressTheMailServerRefusesIsAnUndeliveredNoticeCountedAndShownAndTheOthersAreSent() throws Exception {
        var url = "jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200))");
            var insert = c.prepareStatement("INSERT INTO customer VALUES (?, ?)");
            for (int i = 0; i < PERSONS.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, PERSONS.get(i));
                insert.executeUpdate();
            }
        }
        var connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", ca.gardien.shared.Actor.SYSTEM);
        var officer = officerBearer();
        var id = JsonPath.<String>read(
                call(
                        post("/api/v1/incidents")
                                .header(HttpHeaders.AUTHORIZATION, officer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(IncidentsApiTest.MINIMAL),
                        201),
                "$.id");
        var base = "/api/v1/incidents/" + id;
        call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "customer", "emailColumn": "email",
                                 "keyColumn": "id", "keys": ["1", "2", "3"]}""".formatted(connector)),
                200);
        new IncidentCalls(mvc).completePersonsNotice(officer, id, organization);
        call(post(base + "/persons/notify").header(HttpHeaders.AUTHORIZATION, officer), 200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                call(get(base + "/persons").header(HttpHeaders.AUTHORIZATION, officer), 200),
                                "$[*].status"))
                        .containsExactlyInAnyOrder("SENT", "SENT", "FAILED"));
        assertThat(SMTP.accepted()).containsExactlyInAnyOrder("ana@example.test", "chloe@example.test");

        var page = call(
                get("/console/incidents/" + id)
                        .session(login(OFFICER, OFFICER_PASSWORD))
                        .locale(java.util.Locale.ENGLISH),
                200);
        assertThat(page).contains("id=\"undelivered\"").doesNotContain("gone@example.test");
        // « Noter un retour » only for the two notices the server sent, not for the one it refused
        assertThat(page.split("/bounced\"", -1)).hasSize(3);
        var incident = call(get(base).header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat(incident).doesNotContain("gone@example.test");
    }
}
