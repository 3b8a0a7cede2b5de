package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import ca.gardien.shared.SubjectKeys;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Who an incident concerns, found through a JDBC connector on a real database with planted persons: the persons in a
 * time window counted exactly, notified through the outbox one message each in their language, and their addresses
 * gone from Gardien afterwards.
 */
@Import(IncidentsTestConfiguration.class)
abstract class IncidentPersonsAcceptance extends WebTestSupport {

    /** Signed up inside the window (one of them twice, one address in upper case). */
    static final Map<String, String> IN_WINDOW = Map.of(
            "ana@example.test", "fr",
            "ben@example.test", "en",
            "chloe@example.test", "fr",
            "dev@example.test", "en",
            "eli@example.test", "fr");

    static final List<String> OUTSIDE = List.of("fay@example.test", "gus@example.test", "hal@example.test");

    String url;
    String connector;

    @Autowired
    ca.gardien.connectors.ConnectorCatalog catalog;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate gardienDb;

    @Autowired
    SubjectKeys keys;

    @Autowired
    ca.gardien.organization.Organization organization;

    UUID personsKey(String incidentId) {
        return gardienDb.queryForObject(
                "SELECT persons_key FROM incident WHERE id = ?", UUID.class, UUID.fromString(incidentId));
    }

    /** A fresh, empty database (or schema); its JDBC URL with credentials. */
    abstract String freshDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeEach
    void plant() throws Exception {
        url = freshDatabase();
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("CREATE TABLE signup (id INT PRIMARY KEY, email VARCHAR(200), lang VARCHAR(5),"
                    + " created_at TIMESTAMP NOT NULL)");
            try (var insert = c.prepareStatement("INSERT INTO signup VALUES (?, ?, ?, ?)")) {
                int id = 1;
                for (var person : IN_WINDOW.entrySet()) {
                    row(insert, id++, person.getKey(), person.getValue(), "2026-11-19T10:00:00");
                }
                row(insert, id++, "ANA@example.test", "fr", "2026-11-19T15:00:00"); // the same person again
                row(insert, id++, null, "fr", "2026-11-19T16:00:00"); // no address: nobody to notify
                for (var person : OUTSIDE) {
                    row(insert, id++, person, "fr", "2026-11-10T10:00:00");
                }
                row(insert, id++, "987-654-321", "fr", "2026-11-19T17:00:00"); // not an address: nobody either
            }
        }
        connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/connectors")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"jdbc\",\"url\":\"%s\"}".formatted(connector, url)))
                .andExpect(status().isCreated());
    }

    private static void row(java.sql.PreparedStatement insert, int id, String email, String lang, String at)
            throws java.sql.SQLException {
        insert.setInt(1, id);
        insert.setString(2, email);
        insert.setString(3, lang);
        insert.setTimestamp(4, Timestamp.valueOf(java.time.LocalDateTime.parse(at)));
        insert.executeUpdate();
    }

    @AfterEach
    void drop() throws Exception {
        ca.gardien.connectors.ConnectorPools.release(catalog, connector);
        dropDatabase();
    }

    String call(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String newIncident(String officer) throws Exception {
        var created = call(
                post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(IncidentsApiTest.MINIMAL),
                201);
        return JsonPath.read(created, "$.id");
    }

    @Test
    void thePersonsInTheWindowAreCountedExactlyNotifiedOnceEachAndTheirAddressesAreGoneAfter() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        var base = "/api/v1/incidents/" + id;
        var search = """
                {"connector": "%s", "table": "signup", "emailColumn": "email", "languageColumn": "lang",
                 "timeColumn": "created_at", "from": "2026-11-18T00:00:00Z", "to": "2026-11-21T00:00:00Z"}""".formatted(connector);

        var badColumn = call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(search.replace("\"lang\"", "\"language; DROP TABLE signup\"")),
                400);
        assertThat((List<String>) JsonPath.read(badColumn, "$.errors[*].field")).containsExactly("languageColumn");
        call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(search),
                403);

        var found = call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(search),
                200);
        assertThat((Integer) JsonPath.read(found, "$.inTable")).isEqualTo(9);
        assertThat((Integer) JsonPath.read(found, "$.found")).isEqualTo(IN_WINDOW.size());
        var again = call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(search),
                200);
        assertThat((Integer) JsonPath.read(again, "$.held"))
                .as("a search repeated")
                .isEqualTo(IN_WINDOW.size());
        var sealed = gardienDb.queryForList(
                "SELECT email_sealed FROM incident_person WHERE incident_id = ?", String.class, UUID.fromString(id));
        assertThat(sealed)
                .hasSize(IN_WINDOW.size())
                .allSatisfy(s -> assertThat(s).doesNotContain("@").startsWith(SubjectKeys.PREFIX));
        // crypto-shredding: the list's addresses are sealed under the incident's own key; a dump of them opens with it
        var key = personsKey(id);
        assertThat(sealed.stream().map(keys.key(key)::open)).containsExactlyInAnyOrderElementsOf(IN_WINDOW.keySet());

        new IncidentCalls(mvc).completePersonsNotice(officer, id, organization);
        var deliveries = call(post(base + "/persons/notify").header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat((List<String>) JsonPath.read(deliveries, "$[*].messageId")).hasSize(IN_WINDOW.size());
        var notices = outbox.about(id).stream()
                .filter(m -> m.template().equals("incidents.persons-notice"))
                .toList();
        assertThat(notices.stream()
                        .collect(Collectors.toMap(
                                OutboxMessage::recipient,
                                m -> m.body().contains("Personal information concerned") ? "en" : "fr")))
                .isEqualTo(IN_WINDOW);
        assertThat(notices).allSatisfy(m -> assertThat(m.body()).contains("A laptop was left in a taxi."));
        // greeted and signed like the organization's other letters to a person, in the person's language
        assertThat(notices)
                .allSatisfy(m -> assertThat(m.body())
                        .satisfiesAnyOf(
                                body -> assertThat(body)
                                        .startsWith("Bonjour,\n\n")
                                        .contains(
                                                "\n\nLa personne responsable de la protection des renseignements personnels"),
                                body -> assertThat(body)
                                        .startsWith("Hello,\n\n")
                                        .contains(
                                                "\n\nThe person in charge of the protection of personal information")));
        // no mail server (the tests' outbox holds): the notices have not left, so the addresses stay for the mailing
        // file and the register does not date the persons' notice (officer's walk of 2026-12-07)
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL",
                        Integer.class,
                        UUID.fromString(id)))
                .isEqualTo(IN_WINDOW.size());
        var listed = call(get(base + "/persons").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)), 200);
        assertThat((List<String>) JsonPath.read(listed, "$[*].status"))
                .hasSize(IN_WINDOW.size())
                .allSatisfy(s -> assertThat(s).isEqualTo("STORED"));
        assertThat(listed).doesNotContain("@");
        var held = call(get(base).header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat((String) JsonPath.read(held, "$.personsNoticeOn")).isNull();
        call(post(base + "/persons/notify").header(HttpHeaders.AUTHORIZATION, officer), 409);
        var mailing = call(get(base + "/persons/mailing.csv").header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat(mailing.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
                .containsExactlyInAnyOrderElementsOf(IN_WINDOW.keySet());
        awaitLedgerEntry("incidents.persons-found", id);
        awaitLedgerEntry("incidents.persons-notices-held", id);

        // the officer mails them by post and records it: the register is dated that day, the addresses are gone
        var today = LocalDate.now(ZoneId.of("America/Toronto"));
        var refused = call(
                post(base + "/persons/transmitted")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentOn\": \"%s\"}".formatted(today.plusDays(1))),
                400);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
                .containsExactlyInAnyOrder("sentOn", "means");
        call(
                post(base + "/persons/transmitted")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentOn\": \"%s\", \"means\": \"Par la poste\"}".formatted(today)),
                403);
        call(
                post(base + "/persons/transmitted")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentOn\": \"%s\", \"means\": \"Par la poste\"}".formatted(today)),
                200);
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL",
                        Integer.class,
                        UUID.fromString(id)))
                .isZero();
        // every address erased: the key is gone, and the values a dump took before open to nothing
        assertThat(keys.exists(key)).isFalse();
        assertThat(personsKey(id)).isNull();
        assertThat(sealed.stream().map(keys.key(key)::open)).containsOnlyNulls();
        var incident = call(get(base).header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat((String) JsonPath.read(incident, "$.personsNoticeOn")).isEqualTo(today.toString());
        assertThat(call(get(base + "/persons/mailing.csv").header(HttpHeaders.AUTHORIZATION, officer), 200)
                        .strip())
                .isEqualTo("email,language");
        awaitLedgerEntry("incidents.persons-notice-transmitted", id);
    }

    @Test
    void aTargetThatDoesNotAnswerIsTheConnectorsUnavailableProblem() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        var closed = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        mvc.perform(post("/api/v1/connectors")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"jdbc\",\"url\":\"%s\"}"
                                .formatted(closed, url.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"))))
                .andExpect(status().isCreated());
        var answer = call(
                post("/api/v1/incidents/" + id + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "signup", "emailColumn": "email",
                                 "keyColumn": "id", "keys": ["1"]}""".formatted(closed)),
                503);
        assertThat((String) JsonPath.read(answer, "$.type")).endsWith("/connector-unavailable");
    }

    @Test
    void aListOfKeysFindsThosePersonsAndTheMailingFileThenDoneErasesTheAddresses() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        var base = "/api/v1/incidents/" + id;
        var found = call(
                post(base + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "signup", "emailColumn": "email",
                                 "keyColumn": "id", "keys": ["6", "7", "8"], "defaultLanguage": "en"}""".formatted(connector)),
                200);
        assertThat((Integer) JsonPath.read(found, "$.found")).isEqualTo(2); // key 6 is ANA again, 7 has no address
        var key = personsKey(id);
        var sealed = gardienDb.queryForList(
                "SELECT email_sealed FROM incident_person WHERE incident_id = ?", String.class, UUID.fromString(id));
        var mailing = call(get(base + "/persons/mailing.csv").header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat(mailing)
                .contains("ana@example.test,en", "fay@example.test,en")
                .doesNotContain("gus@");
        call(get(base + "/persons/mailing.csv").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)), 403);
        var done = call(post(base + "/persons/done").header(HttpHeaders.AUTHORIZATION, officer), 200);
        assertThat((Integer) JsonPath.read(done, "$.destroyed")).isEqualTo(2);
        assertThat(keys.exists(key)).isFalse();
        assertThat(sealed.stream().map(keys.key(key)::open)).hasSize(2).containsOnlyNulls();
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL",
                        Integer.class,
                        UUID.fromString(id)))
                .isZero();
        awaitLedgerEntry("incidents.persons-destroyed", id);
    }

    @Test
    void aSearchThatFindsNobodyKeepsNoKey() throws Exception {
        var officer = officerBearer();
        var id = newIncident(officer);
        var found = call(
                post("/api/v1/incidents/" + id + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "signup", "emailColumn": "email",
                                 "keyColumn": "id", "keys": ["999"]}""".formatted(connector)),
                200);
        assertThat((Integer) JsonPath.read(found, "$.held")).isZero();
        assertThat(personsKey(id))
                .as("no key while nothing is held (attacker review)")
                .isNull();
    }

    @Test
    void theCensusLimitCountsDistinctAddressesNotRows() throws Exception {
        int rows = ca.gardien.connectors.PersonCensus.MAX_PERSONS + 1;
        try (var c = DriverManager.getConnection(url);
                var insert = c.prepareStatement("INSERT INTO signup VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = 0; n < rows; n++) { // one person who signed up again and again, more rows than the limit
                insert.setInt(1, 1_000 + n);
                insert.setString(2, "ana@example.test");
                insert.setString(3, "fr");
                insert.setTimestamp(4, Timestamp.valueOf("2026-11-19 12:00:00"));
                insert.addBatch();
                if (n % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            row(insert, 1_000 + rows, "zed@example.test", "en", "2026-11-20T09:00:00"); // the last row, a new person
            c.commit();
        }
        var officer = officerBearer();
        var id = newIncident(officer);
        var found = call(
                post("/api/v1/incidents/" + id + "/persons/search")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"connector": "%s", "table": "signup", "emailColumn": "email",
                                 "timeColumn": "created_at", "from": "2026-11-18T00:00:00Z",
                                 "to": "2026-11-21T00:00:00Z"}""".formatted(connector)),
                200);
        assertThat((Integer) JsonPath.read(found, "$.found")).isEqualTo(IN_WINDOW.size() + 1);
    }
}
