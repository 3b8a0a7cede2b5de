package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The day the organization became aware is its day in the organization's zone (Montréal's, as Toronto's), whatever
 * offset the moment was given or stored in: the notice to the Commission printed, and the five-year keeping counted
 * from, the UTC day of an awareness late in the evening (PostgreSQL stores UTC), one day late.
 */
@Import(IncidentsTestConfiguration.class)
class AwarenessDayInTheOrganizationsZoneTest extends WebTestSupport {

    /** 22:30 on 21 November in Montréal: already the 22nd in UTC. */
    private static final String LATE_EVENING = """
            {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
             "awareAt": "2026-11-22T03:30:00Z", "circumstances": "A file was sent to the wrong supplier.",
             "piDescription": "Names", "personsCount": 3}""";

    @Test
    void anAwarenessLateInTheEveningInMontrealIsThatDayInTheCommissionNoticeAndTheKeeping() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, LATE_EVENING);

        var entry = calls.send(HttpMethod.GET, officer, "/api/v1/incidents/" + id, "", 200);
        assertThat((String) JsonPath.read(entry, "$.retainUntil")).isEqualTo("2031-11-21");
        var notice = mvc.perform(get("/api/v1/incidents/" + id + "/notices/commission.html")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(notice).contains("Date the organization became aware of the incident</dt><dd>2026-11-21</dd>");

        calls.send(HttpMethod.PUT, officer, "/api/v1/incidents/" + id, LATE_EVENING, 200);
        entry = calls.send(HttpMethod.GET, officer, "/api/v1/incidents/" + id, "", 200);
        assertThat((String) JsonPath.read(entry, "$.retainUntil"))
                .as("described again: still kept from the organization's day")
                .isEqualTo("2031-11-21");
    }
}
