package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Attacker's review (F4, F5): a closed entry took no-op "notices done" calls, each a ledger fact; the first notice to
 * the Commission could be dated after its supplements; a transmission dated the persons' notice of an entry with
 * nobody to notify; and a notices call that left out {@code personsNoticeOn} cleared the date a transmission had set.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentNoticeIntegrityTest extends WebTestSupport {

    static final String ASSESSMENT = """
            {"sensitivity": "%s", "sensitivityReason": "health information",
             "consequences": "%s", "consequencesReason": "discrimination",
             "likelihood": "MEDIUM", "likelihoodReason": "not recovered",
             "consultedOn": "2026-11-22", "consultationNote": "agreed"}""";

    private final String today = LocalDate.now(ZoneId.of("America/Toronto")).toString();

    private String entry(IncidentCalls calls, String officer, String id) throws Exception {
        return calls.send(HttpMethod.GET, officer, "/api/v1/incidents/" + id, "", 200);
    }

    @Test
    void aClosedEntryRefusesNoticesDoneAndErasingNothingIsNoFact() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentCalls.MISDIRECTED_FILE);
        var base = "/api/v1/incidents/" + id;
        var done = calls.send(HttpMethod.POST, officer, base + "/persons/done", "", 200);
        assertThat((Integer) JsonPath.read(done, "$.destroyed")).isZero();
        calls.send(HttpMethod.POST, officer, base + "/assessment", ASSESSMENT.formatted("LOW", "LOW"), 200);
        calls.send(HttpMethod.POST, officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "File recalled", "owner": "IT", "doneOn": "2026-11-21"}""", 200);
        calls.send(HttpMethod.POST, officer, base + "/close", "", 200);
        calls.send(HttpMethod.POST, officer, base + "/persons/done", "", 409);

        awaitLedgerEntry("incidents.closed", id); // recorded after the no-op: the no-op would be in the ledger by now
        assertThat(ledgerEntries(officer).stream()
                        .filter(e -> id.equals(e.get("objectId")))
                        .map(e -> e.get("action")))
                .doesNotContain("incidents.persons-destroyed");
    }

    @Test
    void theFirstNoticeToTheCommissionCanNeitherFollowItsSupplementsNorBeCleared() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        var notices = "/api/v1/incidents/" + id + "/notices";
        calls.send(HttpMethod.POST, officer, notices, "{\"caiNoticeOn\": \"2026-11-23\"}", 200);
        calls.send(HttpMethod.POST, officer, notices + "/commission/supplements", """
                {"sentOn": "2026-11-25", "information": "The disk was encrypted."}""", 200);

        var later = calls.send(HttpMethod.POST, officer, notices, "{\"caiNoticeOn\": \"2026-11-26\"}", 400);
        assertThat((List<String>) JsonPath.read(later, "$.errors[*].field")).containsExactly("caiNoticeOn");
        assertThat(later).contains("2026-11-25");
        var cleared = calls.send(HttpMethod.POST, officer, notices, "{\"caiNoticeOn\": null}", 400);
        assertThat((List<String>) JsonPath.read(cleared, "$.errors[*].field")).containsExactly("caiNoticeOn");
        calls.send(HttpMethod.POST, officer, notices, "{\"caiNoticeOn\": \"2026-11-24\"}", 200);
        assertThat((String) JsonPath.read(entry(calls, officer, id), "$.caiNoticeOn"))
                .isEqualTo("2026-11-24");
    }

    @Test
    void aTransmissionNeedsAnAssessmentOrPersonsFound() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        var path = "/api/v1/incidents/" + id + "/persons/transmitted";
        var refused = mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentOn\": \"%s\", \"means\": \"By post\"}".formatted(today)))
                .andExpect(problem(409, "conflict"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(refused, "$.detail"))
                .contains("not assessed yet and no person concerned was found");
        assertThat((String) JsonPath.read(entry(calls, officer, id), "$.personsNoticeOn"))
                .isNull();
    }

    @Test
    void aFieldLeftOutOfTheNoticesKeepsItsValueAndNullClearsOnlyADateNothingRecordedRestsOn() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        var base = "/api/v1/incidents/" + id;
        calls.send(HttpMethod.POST, officer, base + "/assessment", ASSESSMENT.formatted("HIGH", "HIGH"), 200);
        calls.send(HttpMethod.POST, officer, base + "/persons/transmitted", """
                {"sentOn": "%s", "means": "By post"}""".formatted(today), 200);

        calls.send(HttpMethod.POST, officer, base + "/notices", "{\"caiNoticeOn\": \"2026-11-23\"}", 200);
        calls.send(HttpMethod.POST, officer, base + "/notices", "{\"otherAuthorities\": \"None\"}", 200);
        var kept = entry(calls, officer, id);
        assertThat((String) JsonPath.read(kept, "$.personsNoticeOn")).isEqualTo(today);
        assertThat((String) JsonPath.read(kept, "$.caiNoticeOn")).isEqualTo("2026-11-23");
        var refused = calls.send(HttpMethod.POST, officer, base + "/notices", "{\"personsNoticeOn\": null}", 400);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field")).containsExactly("personsNoticeOn");

        var other = calls.create(officer, IncidentsApiTest.MINIMAL); // no transmission: a date typed may be cleared
        var notices = "/api/v1/incidents/" + other + "/notices";
        calls.send(HttpMethod.POST, officer, notices, "{\"personsNoticeOn\": \"2026-11-24\"}", 200);
        calls.send(HttpMethod.POST, officer, notices, "{\"personsNoticeOn\": null}", 200);
        assertThat((String) JsonPath.read(entry(calls, officer, other), "$.personsNoticeOn"))
                .isNull();
    }
}
