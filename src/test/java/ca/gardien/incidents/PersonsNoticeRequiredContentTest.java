package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Officer's walk: with « Mesures suggérées aux personnes » empty, « Placer l'avis aux personnes trouvées dans la boîte
 * d'envoi » queued messages reading « Mesures que nous vous suggérons de prendre — À préciser avant l'envoi. » The
 * regulation requires that content (Reg. s. 5): the notice is not queued, by the API or the console, while any of it is
 * missing; the refusal names each missing part by its field, and the entry's page says so before anything is clicked,
 * next to each section; the notice to the Commission is checked for its placeholders the same way.
 */
@Import(IncidentsTestConfiguration.class)
class PersonsNoticeRequiredContentTest extends WebTestSupport {

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    ca.gardien.organization.Organization organization;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    /** A serious-risk entry recorded as {@link IncidentsApiTest#MINIMAL}, two persons found; its id. */
    private String seriousEntryWithPersons(IncidentCalls calls, String officer) throws Exception {
        var url = "jdbc:h2:mem:content-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200))");
            c.createStatement().execute("INSERT INTO customer VALUES (1, 'ana@example.test'), (2, 'ben@example.test')");
        }
        var connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", Actor.SYSTEM);
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        calls.send(HttpMethod.POST, officer, "/api/v1/incidents/" + id + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "not recovered",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        calls.send(
                HttpMethod.POST, officer, "/api/v1/incidents/" + id + "/persons/search", """
                {"connector": "%s", "table": "customer", "emailColumn": "email",
                 "keyColumn": "id", "keys": ["1", "2"]}""".formatted(connector), 200);
        return id;
    }

    private String page(MockHttpSession session, String path, MvcResult step) throws Exception {
        return new IncidentCalls(mvc).page(session, path, step);
    }

    private List<String> noticesQueued(String id) {
        return outbox.about(id).stream()
                .filter(m -> m.template().equals(IncidentPersons.NOTICE_TEMPLATE))
                .map(m -> m.body())
                .toList();
    }

    @Test
    void theNoticeToThePersonsIsNotQueuedWhileItsRequiredContentIsMissingAndThePageSaysWhatFirst() throws Exception {
        if (organization.profile().isEmpty()) {
            organization.update(IncidentCalls.PROFILE, Actor.SYSTEM);
        }
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = seriousEntryWithPersons(calls, officer);
        var path = "/console/incidents/" + id;

        var refused = mvc.perform(post("/api/v1/incidents/" + id + "/persons/notify")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(400, "validation"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
                .containsExactly("piDescription", "measures", "advice");
        assertThat(refused).contains("Measures suggested to the persons", "To be stated before sending");
        assertThat(noticesQueued(id)).isEmpty();

        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(session));
        var before = page(session, path, null);
        assertThat(before).doesNotContain("id=\"send-form\"");
        assertThat(IncidentCalls.between(before, "id=\"persons-notice-missing\"", "</div>"))
                .contains("href=\"" + path + "/edit#piDescription\"", "href=\"" + path + "#measure\"")
                .contains("href=\"" + path + "#adviceText\"", "Mesures suggérées aux personnes")
                .contains("À préciser avant l’envoi");
        assertThat(before).contains("id=\"piDescription-gap\"", "id=\"measures-gap\"", "id=\"advice-gap\"");
        assertThat(IncidentCalls.between(before, "id=\"adviceText\"", ">")).contains("aria-describedby=\"advice-gap\"");
        // the notice to the Commission prints « Inconnu » for the numbers: said where it is dated
        assertThat(IncidentCalls.between(before, "id=\"cai-notice-missing\"", "</div>"))
                .contains(
                        "Nombre de personnes",
                        "Personnes résidant au Québec",
                        "href=\"" + path + "/edit#personsCount\"");
        assertThat(page(session, path + "/notices/persons?in=fr", null)).contains("id=\"notice-missing\"");

        var sent = mvc.perform(post(path + "/send").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(IncidentCalls.between(page(session, path, sent), "id=\"refused\"", "</div>"))
                .contains("href=\"#advice\"", "href=\"#measure\"", "href=\"#incident-description\"")
                .contains("Mesures suggérées aux personnes");
        assertThat(noticesQueued(id)).isEmpty();

        calls.completePersonsNotice(officer, id, organization);
        var ready = page(session, path, null);
        assertThat(ready)
                .contains("id=\"send-form\"")
                .doesNotContain("id=\"persons-notice-missing\"", "id=\"advice-gap\"", "id=\"measures-gap\"");
        assertThat(page(session, path + "/notices/persons?in=fr", null)).doesNotContain("id=\"notice-missing\"");
        mvc.perform(post("/api/v1/incidents/" + id + "/persons/notify").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk());
        assertThat(noticesQueued(id))
                .hasSize(2)
                .allSatisfy(body -> assertThat(body)
                        .contains("Watch your statements.")
                        .doesNotContain("À préciser", "To be stated"));
    }
}
