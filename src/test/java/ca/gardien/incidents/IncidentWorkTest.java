package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who handles an entry (staff see and work only the entries assigned to them, as for rights requests) and the notices
 * to persons that do not arrive (a bounce or a refusal is listed, counted, and leaves the entry open until a public
 * notice or the reason for none is recorded).
 */
@org.springframework.context.annotation.Import(IncidentsTestConfiguration.class)
class IncidentWorkTest extends ca.gardien.support.WebTestSupport {

    static final String MINIMAL = IncidentsApiTest.MINIMAL;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate gardienDb;

    String postJson(String bearer, String path, String body, int expected) throws Exception {
        return new IncidentCalls(mvc).send(HttpMethod.POST, bearer, path, body, expected);
    }

    String create(String bearer, String body) throws Exception {
        return new IncidentCalls(mvc).create(bearer, body);
    }

    String assign(String bearer, String id, String accountId, int expected) throws Exception {
        return new IncidentCalls(mvc)
                .send(
                        HttpMethod.PUT,
                        bearer,
                        "/api/v1/incidents/" + id + "/assignment",
                        accountId == null ? "{}" : "{\"accountId\": \"" + accountId + "\"}",
                        expected);
    }

    @Test
    void staffSeeAndWorkOnlyTheEntriesAssignedToThem() throws Exception {
        var officer = officerBearer();
        var assigned = create(officer, MINIMAL);
        var other = create(officer, MINIMAL);
        var staff = person(Role.STAFF);
        var staffBearer = bearerFor(staff.id(), Role.STAFF);

        var refused = assign(officer, assigned, UUID.randomUUID().toString(), 400);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field")).containsExactly("accountId");
        assign(staffBearer, assigned, staff.id().toString(), 403);
        var view = assign(officer, assigned, staff.id().toString(), 200);
        assertThat((String) JsonPath.read(view, "$.assignedTo"))
                .isEqualTo(staff.id().toString());
        awaitLedgerEntry("incidents.assigned", assigned);

        var list = mvc.perform(get("/api/v1/incidents").header(HttpHeaders.AUTHORIZATION, staffBearer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$[*].id")).containsExactly(assigned);
        mvc.perform(get("/api/v1/incidents/" + other).header(HttpHeaders.AUTHORIZATION, staffBearer))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/incidents/" + assigned).header(HttpHeaders.AUTHORIZATION, staffBearer))
                .andExpect(status().isOk());
        var measure = """
                {"kind": "CONTAINMENT", "description": "Remote wipe of the laptop", "owner": "IT", "dueOn": "2026-11-22"}""";
        postJson(staffBearer, "/api/v1/incidents/" + other + "/measures", measure, 404);
        var added = postJson(staffBearer, "/api/v1/incidents/" + assigned + "/measures", measure, 200);
        assertThat((List<String>) JsonPath.read(added, "$.measures[*].description"))
                .containsExactly("Remote wipe of the laptop");
        postJson(staffBearer, "/api/v1/incidents/" + assigned + "/assessment", "{}", 403);
        postJson(staffBearer, "/api/v1/incidents/" + assigned + "/close", "", 403);

        assign(officer, assigned, null, 200);
        mvc.perform(get("/api/v1/incidents/" + assigned).header(HttpHeaders.AUTHORIZATION, staffBearer))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aBouncedNoticeIsCountedAndTheEntryClosesOnlyWithAPublicNoticeOrAReason() throws Exception {
        var officer = officerBearer();
        var id = create(
                officer,
                MINIMAL.replace(
                        "\"Lost laptop\"",
                        "\"Lost laptop\", \"kind\": \"LOSS_OR_OTHER_BREACH\","
                                + " \"piDescription\": \"names\", \"personsCount\": 2"));
        var base = "/api/v1/incidents/" + id;
        postJson(officer, base + "/assessment", """
                {"sensitivity": "LOW", "sensitivityReason": "names only", "consequences": "LOW",
                 "consequencesReason": "none", "likelihood": "LOW", "likelihoodReason": "encrypted disk",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Remote wipe", "owner": "IT", "doneOn": "2026-11-22"}""", 200);
        var persons = List.of(notified(id, "ana@example.test"), notified(id, "ben@example.test"));

        postJson(officer, base + "/persons/" + UUID.randomUUID() + "/bounced", "", 404);
        postJson(bearer(Role.AUDITOR), base + "/persons/" + persons.get(0) + "/bounced", "", 403);
        var waiting = postJson(officer, base + "/persons/" + persons.get(0) + "/bounced", "", 409);
        assertThat(waiting).as("a notice still in the outbox cannot bounce").contains("pas été envoyé");
        gardienDb.update(
                "UPDATE mail_message SET status = 'SENT', sent_at = CURRENT_TIMESTAMP WHERE id IN"
                        + " (SELECT message_id FROM incident_person WHERE id = ?)",
                persons.get(0));
        var deliveries = postJson(officer, base + "/persons/" + persons.get(0) + "/bounced", "", 200);
        postJson(officer, base + "/persons/" + persons.get(0) + "/bounced", "", 409); // recorded once
        assertThat((List<String>) JsonPath.read(deliveries, "$[*].status")).contains("BOUNCED");
        assertThat(deliveries).doesNotContain("@");
        awaitLedgerEntry("incidents.notice-bounced", id);

        var view = mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(view, "$.deliveries.persons")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(view, "$.deliveries.undelivered")).isEqualTo(1);
        var refused = postJson(officer, base + "/close", "", 400);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field")).containsExactly("publicNotice");

        postJson(officer, base + "/notices", """
                {"publicNotice": true, "publicNoticeReason": "One address bounced; notice posted on the website"}""", 200);
        postJson(officer, base + "/close", "", 200);
    }

    /** A person found and notified: a message in the outbox, the address already erased (as after a real notice). */
    private UUID notified(String incidentId, String address) {
        var message = outbox.queue(new Message(
                Message.Channel.EMAIL,
                address,
                "incidents.persons-notice",
                Locale.CANADA_FRENCH,
                List.of("Exemple inc.", "avis"),
                "incident",
                incidentId));
        var person = UUID.randomUUID();
        gardienDb.update(
                "INSERT INTO incident_person (id, incident_id, email_sealed, language, connector, found_at, message_id,"
                        + " notified_at) VALUES (?, ?, NULL, 'fr', 'shop', ?, ?, ?)",
                person,
                UUID.fromString(incidentId),
                Instant.now().atOffset(ZoneOffset.UTC),
                message,
                Instant.now().atOffset(ZoneOffset.UTC));
        return person;
    }

    @Test
    void aMeasureDatedBeforeTheRegisterOrFarInTheFutureIsRefusedNamingItsField() throws Exception {
        var officer = officerBearer();
        var id = create(officer, MINIMAL);
        var base = "/api/v1/incidents/" + id;
        var farDue = postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Wipe", "owner": "IT", "dueOn": "+999999999-12-31"}""", 400);
        assertThat((List<String>) JsonPath.read(farDue, "$.errors[*].field")).containsExactly("dueOn");
        var yearNine = postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Wipe", "owner": "IT", "dueOn": "9999-12-31"}""", 400);
        assertThat((List<String>) JsonPath.read(yearNine, "$.errors[*].field")).containsExactly("dueOn");
        var ancient = postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Wipe", "owner": "IT", "doneOn": "1000-01-01"}""", 400);
        assertThat((List<String>) JsonPath.read(ancient, "$.errors[*].field")).containsExactly("doneOn");
        var added = postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Wipe", "owner": "IT", "dueOn": "2030-01-31"}""", 200);
        String measureId = JsonPath.read(added, "$.measures[0].id");
        var doneLongAgo =
                postJson(officer, base + "/measures/" + measureId + "/done", "{\"doneOn\": \"0001-01-01\"}", 400);
        assertThat((List<String>) JsonPath.read(doneLongAgo, "$.errors[*].field"))
                .containsExactly("doneOn");
        assertThat((List<Object>) JsonPath.read(
                        new IncidentCalls(mvc).send(HttpMethod.GET, officer, base, "{}", 200), "$.measures[*].doneOn"))
                .containsOnlyNulls();
    }

    @Test
    void aMeasureBeyondTheEntrysLimitIsRefusedNamingTheLimitInTheCallersLanguage() throws Exception {
        var officer = officerBearer();
        var id = create(officer, MINIMAL);
        for (int i = 1; i <= IncidentsProperties.MAX_MEASURES; i++) { // as many as an entry holds, written directly
            gardienDb.update(
                    "INSERT INTO incident_measure (id, incident_id, kind, description, owner, due_on, position)"
                            + " VALUES (?, ?, 'CONTAINMENT', 'Wipe', 'IT', DATE '2030-01-31', ?)",
                    UUID.randomUUID(),
                    UUID.fromString(id),
                    i);
        }
        var measure = """
                {"kind": "CONTAINMENT", "description": "One more", "owner": "IT", "dueOn": "2030-01-31"}""";
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/incidents/" + id + "/measures")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(measure))
                .andExpect(problem(409, "conflict"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(refused, "$.detail")).contains("100 measures");
        assertThat((List<Object>) JsonPath.read(
                        new IncidentCalls(mvc).send(HttpMethod.GET, officer, "/api/v1/incidents/" + id, "{}", 200),
                        "$.measures[*]"))
                .hasSize(IncidentsProperties.MAX_MEASURES);
    }
}
