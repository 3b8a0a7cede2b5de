package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;

/**
 * Incidents have a human reference ("I-2026-00003") as requests and complaints do: the API returns it beside the id,
 * the register links each entry by it and finds it as typed (any case, no leading zeros), the entry's page and tab
 * carry it, and so do the register's CSV, the notices and the ledger, whose object filter takes it.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentReferencesTest extends WebTestSupport {

    private static final String ENTRY = """
            {"title": "%s", "occurredOn": "2026-11-20", "awareAt": "2026-11-21T09:00:00-05:00",
             "circumstances": "Synthetic circumstances."}""";

    private String read(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String api(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theApiKeepsTheIdAndReturnsTheReferenceNumberedInTheYearRecorded() throws Exception {
        var id = new IncidentCalls(mvc).create(officerBearer(), ENTRY.formatted("Misdirected parcel"));
        String reference = JsonPath.read(api("/api/v1/incidents/" + id), "$.reference");
        var year =
                java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).getYear();
        assertThat(reference).matches("I-" + year + "-\\d{5,}");
        assertThat(JsonPath.<java.util.List<String>>read(
                        api("/api/v1/incidents"), "$[?(@.id == '" + id + "')].reference"))
                .containsExactly(reference);
        var other = new IncidentCalls(mvc).create(officerBearer(), ENTRY.formatted("Another parcel"));
        String next = JsonPath.read(api("/api/v1/incidents/" + other), "$.reference");
        assertThat(number(next)).isGreaterThan(number(reference));
        var fact = awaitLedgerEntry("incidents.recorded", UUID.fromString(id));
        assertThat(String.valueOf(fact.get("payload"))).contains(reference);
    }

    @Test
    void theRegisterLinksEachEntryByItsReferenceAndFindsOneAsTyped() throws Exception {
        var id = new IncidentCalls(mvc).create(officerBearer(), ENTRY.formatted("Stolen tablet"));
        var other = new IncidentCalls(mvc).create(officerBearer(), ENTRY.formatted("Open bucket"));
        String reference = JsonPath.read(api("/api/v1/incidents/" + id), "$.reference");
        var officer = officer();

        assertThat(read(officer, "/console/incidents"))
                .containsPattern("<td class=\"reference\"[^>]*><a data-raw href=\"/console/incidents/" + id + "\">"
                        + reference + "</a></td>");
        // typed as read out on the phone: lower case, spaces around, no leading zeros
        var typed = " " + reference.toLowerCase(Locale.ROOT).replaceFirst("-0+(\\d)", "-$1") + " ";
        var found = mvc.perform(get("/console/incidents").param("q", typed).session(officer))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("data-incident=\"" + id + "\"").doesNotContain("data-incident=\"" + other + "\"");
        assertThat(read(officer, "/console/incidents?q=BUCKET"))
                .contains("data-incident=\"" + other + "\"")
                .doesNotContain("data-incident=\"" + id + "\"");

        var page = read(officer, "/console/incidents/" + id);
        assertThat(page)
                .contains("<title>" + reference + " · Stolen tablet")
                .contains("<dd id=\"reference\" data-raw>" + reference + "</dd>");
    }

    @Test
    void theExportsNoticesAndLedgerNameTheEntryByItsReference() throws Exception {
        var id = new IncidentCalls(mvc).create(officerBearer(), ENTRY.formatted("Lost badge"));
        String reference = JsonPath.read(api("/api/v1/incidents/" + id), "$.reference");
        var officer = officer();

        var csv = mvc.perform(
                        get("/console/incidents/register.csv").session(officer).header("Accept-Language", "fr"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("\uFEFFRéférence,Identifiant,Titre"); // BOM for Excel
        assertThat(csv).contains(reference + "," + id + ",Lost badge");
        assertThat(read(officer, "/console/incidents/" + id + "/notices/commission?in=fr"))
                .contains("Référence de l’incident : " + reference)
                .doesNotContain("Référence de l’incident : " + id);
        assertThat(read(officer, "/console/incidents/" + id + "/notices/persons?in=en"))
                .contains("Incident reference: " + reference);

        awaitLedgerEntry("incidents.recorded", UUID.fromString(id));
        var ledger = read(officer, "/console/ledger?object=" + reference.toLowerCase(Locale.ROOT));
        assertThat(ledger)
                .contains("incidents.recorded")
                .as("named by its reference, a link to its page")
                .containsPattern("<a class=\"object-id\" data-raw\\s+href=\"/console/incidents/" + id + "\">"
                        + reference + "</a>");
        assertThat(read(officer, "/console/ledger?object=I-1999-00001")).contains("id=\"ledger-empty\"");
        // the CSV names it as the page does (officer review: only the id was written)
        assertThat(read(officer, "/console/ledger/export.csv?object=" + reference))
                .contains("," + reference + "," + id + ",incidents.recorded,");
    }

    private MockHttpSession officer() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        return login(officer.username(), officer.password());
    }

    private static long number(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }
}
