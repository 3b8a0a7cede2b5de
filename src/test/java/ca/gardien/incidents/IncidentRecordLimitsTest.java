package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Attacker's review (F2): 1,000 supplements to the Commission and 1,000 transmissions recorded another way were
 * accepted on one entry, its page grew to 3.2 MB and each call answered the whole list. An entry holds at most
 * {@code gardien.incidents.max-supplements} and {@code max-transmissions} of them, one more is a 409 naming the limit
 * in the caller's language, two calls at once cannot both pass it, and a call answers only what it recorded.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentRecordLimitsTest extends WebTestSupport {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate gardienDb;

    private static String today() {
        return LocalDate.now(ZoneId.of("America/Toronto")).toString();
    }

    /** {@code count} rows of {@code table} for the entry, written directly (the limit is what is tested). */
    private void fill(String table, String column, String id, int count) {
        for (int i = 0; i < count; i++) {
            gardienDb.update(
                    "INSERT INTO " + table + " (id, incident_id, sent_on, " + column + ", recorded_at, recorded_by)"
                            + " VALUES (?, ?, DATE '2026-11-24', 'x', CURRENT_TIMESTAMP, 'system:test')",
                    UUID.randomUUID(),
                    UUID.fromString(id));
        }
    }

    private int count(String table, String id) {
        return gardienDb.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE incident_id = ?", Integer.class, UUID.fromString(id));
    }

    private String refusedInEnglish(String officer, String path, String body) throws Exception {
        return mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(409, "conflict"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aSupplementBeyondTheEntrysLimitIsRefusedNamingItAndOneRecordedIsAnsweredAlone() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.notifiedToCommission(officer, "2026-11-23");
        var path = "/api/v1/incidents/" + id + "/notices/commission/supplements";
        var recorded = calls.send(HttpMethod.POST, officer, path, """
                {"sentOn": "2026-11-25", "information": "The disk was encrypted."}""", 200);
        assertThat((String) JsonPath.read(recorded, "$.information")).isEqualTo("The disk was encrypted.");
        assertThat((String) JsonPath.read(recorded, "$.sentOn")).isEqualTo("2026-11-25");

        fill("incident_supplement", "information", id, IncidentsProperties.MAX_SUPPLEMENTS - 1);
        var refused = refusedInEnglish(officer, path, """
                {"sentOn": "2026-11-25", "information": "One more"}""");
        assertThat((String) JsonPath.read(refused, "$.detail")).contains("100 supplements");
        assertThat(count("incident_supplement", id)).isEqualTo(IncidentsProperties.MAX_SUPPLEMENTS);
    }

    @Test
    void twoSupplementsAtOnceCannotBothPassTheLimit() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.notifiedToCommission(officer, "2026-11-23");
        fill("incident_supplement", "information", id, IncidentsProperties.MAX_SUPPLEMENTS - 1);
        var start = new CyclicBarrier(2);
        var posts = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < 2; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return mvc.perform(post("/api/v1/incidents/" + id + "/notices/commission/supplements")
                                    .header(HttpHeaders.AUTHORIZATION, officer)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"sentOn\": \"2026-11-25\", \"information\": \"The last one\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(posts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(count("incident_supplement", id)).isEqualTo(IncidentsProperties.MAX_SUPPLEMENTS);
    }

    @Test
    void aTransmissionBeyondTheEntrysLimitIsRefusedNamingItAndOneRecordedIsAnsweredAlone() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        calls.send(HttpMethod.POST, officer, "/api/v1/incidents/" + id + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "not recovered",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        var path = "/api/v1/incidents/" + id + "/persons/transmitted";
        var recorded = calls.send(HttpMethod.POST, officer, path, """
                {"sentOn": "%s", "means": "By post"}""".formatted(today()), 200);
        assertThat((String) JsonPath.read(recorded, "$.means")).isEqualTo("By post");

        fill("incident_persons_transmitted", "means", id, IncidentsProperties.MAX_TRANSMISSIONS - 1);
        var refused = refusedInEnglish(officer, path, """
                {"sentOn": "%s", "means": "Again"}""".formatted(today()));
        assertThat((String) JsonPath.read(refused, "$.detail")).contains("50 recorded transmissions");
        assertThat(count("incident_persons_transmitted", id)).isEqualTo(IncidentsProperties.MAX_TRANSMISSIONS);
    }
}
