package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's walk of the incident pages in Chromium: an awareness earlier than the incident accepted; the English
 * form's time of awareness named two ways; required fields not marked and errors not tied to their inputs; the hours
 * since awareness of a closed entry read as still counting.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentPageWalkTest extends WebTestSupport {

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private MockHttpSession session(String language) throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/locale")
                .param("lang", language)
                .param("return", "/console")
                .session(session));
        return session;
    }

    private static String tag(String html, String id) {
        var from = html.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isNotNegative();
        return html.substring(html.lastIndexOf('<', from), html.indexOf('>', from));
    }

    @Test
    void anAwarenessEarlierThanTheIncidentInTheOrganizationsZoneIsRefusedNamingTheField() throws Exception {
        // 02:00 UTC on the 22nd is the evening of the 21st in the organization's zone: known before it happened
        var refused = new IncidentCalls(mvc).send(HttpMethod.POST, officerBearer(), "/api/v1/incidents", """
                {"title": "Lost laptop", "occurredOn": "2026-11-22", "awareAt": "2026-11-22T02:00:00Z",
                 "circumstances": "A laptop was left in a taxi."}""", 400);
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field")).containsExactly("occurredOn");
    }

    @Test
    void theFormMarksEveryRequiredFieldTiesEachErrorToItsInputAndNamesTheTimeOfAwarenessOneWay() throws Exception {
        var english = session("en");
        var refused = new IncidentCalls(mvc).untimedAwareness(english, "");
        assertThat(tag(refused, "title")).contains("aria-invalid=\"true\"", "aria-describedby=\"title-error\"");
        assertThat(tag(refused, "awareTime")).contains("aria-invalid=\"true\"", "aria-describedby=\"awareTime-error\"");
        assertThat(refused).contains("Time it became aware").doesNotContain("became known");
        var label = refused.substring(refused.indexOf("<label for=\"awareTime\""));
        assertThat(label.substring(0, label.indexOf("</label>"))).contains("(required)");

        var french = session("fr");
        var id = new IncidentCalls(mvc).create(officerBearer(), IncidentsApiTest.MINIMAL);
        var entry = htmlOf(french, "/console/incidents/" + id);
        for (var field : new String[] {"measureKind", "description", "owner", "adviceText"}) {
            var at = entry.indexOf("<label for=\"" + field + "\"");
            assertThat(entry.substring(at, entry.indexOf("</label>", at)))
                    .as(field)
                    .contains("(obligatoire)");
            assertThat(tag(entry, field)).as(field).contains("aria-required=\"true\"");
        }
    }

    @Test
    void aClosedEntryShowsItsHoursAtClosingNotHoursStillCounting() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, IncidentCalls.MISDIRECTED_FILE);
        var base = "/api/v1/incidents/" + id;
        calls.send(
                HttpMethod.POST,
                officer,
                base + "/assessment",
                IncidentNoticeIntegrityTest.ASSESSMENT.formatted("LOW", "LOW"),
                200);
        calls.send(HttpMethod.POST, officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "File recalled", "owner": "IT", "doneOn": "2026-11-21"}""", 200);
        calls.send(HttpMethod.POST, officer, base + "/close", "", 200);
        var french = session("fr");
        var closed = htmlOf(french, "/console/incidents/" + id);
        var hours = closed.substring(
                closed.indexOf("id=\"hours\">") + 11, closed.indexOf("</dd>", closed.indexOf("id=\"hours\"")));
        assertThat(closed).contains("Heures entre la prise de connaissance et la fermeture");

        clock.advance(Duration.ofHours(48));
        var later = htmlOf(french, "/console/incidents/" + id);
        assertThat(later).contains("id=\"hours\">" + hours + "</dd>");
        var register = htmlOf(french, "/console/incidents?status=closed");
        var row = register.substring(register.indexOf("data-incident=\"" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(hours + " (à la fermeture)");
    }
}
