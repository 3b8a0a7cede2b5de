package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice to the Commission gives the number of persons concerned and of those who reside in Québec (s. 3 of the
 * Regulation respecting confidentiality incidents). It used to give one number under a label that called it both.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentPersonsInQuebecTest extends WebTestSupport {

    private static final String ENTRY = """
            {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
             "awareAt": "2026-11-21T09:00:00-05:00", "circumstances": "A file was sent to the wrong supplier.",
             "piDescription": "Names", "personsCount": 120 %s}""";

    @Autowired
    JdbcClient jdbc;

    /** The fields a refused entry names. */
    private static List<String> refused(IncidentCalls calls, String bearer, String body) throws Exception {
        return JsonPath.read(calls.send(HttpMethod.POST, bearer, "/api/v1/incidents", body, 400), "$.errors[*].field");
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
    }

    @Test
    void theCommissionNoticeGivesThePersonsConcernedAndThoseResidingInQuebecEachApproximateWhenSaid() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var id = calls.create(officer, ENTRY.formatted(", \"personsInQuebec\": 95, \"personsApproximate\": true"));

        var read = calls.send(HttpMethod.GET, officer, "/api/v1/incidents/" + id, "", 200);
        assertThat(JsonPath.<Integer>read(read, "$.personsInQuebec")).isEqualTo(95);
        var notice = mvc.perform(get("/api/v1/incidents/" + id + "/notices/commission.html")
                        .param("lang", "fr")
                        .header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(notice)
                .contains("Nombre de personnes concernées</dt><dd>environ 120</dd>")
                .contains("Nombre de personnes concernées qui résident au Québec</dt><dd>environ 95</dd>");

        var unknown = calls.create(officer, ENTRY.formatted(""));
        assertThat(mvc.perform(get("/api/v1/incidents/" + unknown + "/notices/commission.html")
                                .param("lang", "en")
                                .header(HttpHeaders.AUTHORIZATION, officer))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("not known yet: the notice says so rather than repeating the total")
                .contains("Number of persons concerned who reside in Québec</dt><dd>Unknown</dd>");
    }

    @Test
    void moreResidentsThanPersonsOrANegativeCountIsRefusedNamingTheFieldAndNothingIsRecorded() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var before = entries();

        var counts = "\"personsCount\": 120 %s";
        assertThat(refused(calls, officer, ENTRY.formatted(", \"personsInQuebec\": 121")))
                .containsExactly("personsInQuebec");
        assertThat(refused(calls, officer, ENTRY.formatted(", \"personsInQuebec\": -1")))
                .containsExactly("personsInQuebec");
        calls.send(
                HttpMethod.POST, officer, "/api/v1/incidents", ENTRY.formatted(", \"personsInQuebec\": \"many\""), 400);
        // attacker's review: residents of an unknown total, counts beyond any population, one error per bad count
        assertThat(refused(calls, officer, ENTRY.replace(counts, "\"personsInQuebec\": 50")))
                .containsExactly("personsInQuebec");
        assertThat(refused(calls, officer, ENTRY.replace(counts, "\"personsCount\": 9223372036854775807")))
                .containsExactly("personsCount");
        assertThat(refused(calls, officer, ENTRY.replace(counts, "\"personsCount\": -1, \"personsInQuebec\": 1")))
                .containsExactly("personsCount");
        assertThat(entries()).isEqualTo(before);

        var auditor = bearer(Role.AUDITOR);
        calls.send(HttpMethod.POST, auditor, "/api/v1/incidents", ENTRY.formatted(", \"personsInQuebec\": 3"), 403);
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void theConsoleFormKeepsTheTypedResidentsWhenRefusedAndShowsTheErrorBesideTheField() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(session));
        var page = entered(session, "13").getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("id=\"personsInQuebec\"[^>]*value=\"13\"")
                .contains("id=\"personsInQuebec-error\"")
                .contains("ne peuvent pas être plus nombreuses que les personnes concernées (12)");

        assertThat(entered(session, "\u0663").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("a digit of another script is not a number here (the API takes none either)")
                .contains("id=\"personsInQuebec-error\"");

        var saved = entered(session, "10").getResponse().getRedirectedUrl();
        var shown = mvc.perform(get(saved).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).containsPattern("id=\"persons-quebec-shown\">10<");
        var edit = mvc.perform(get(saved + "/edit").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).containsPattern("id=\"personsInQuebec\"[^>]*value=\"10\"");
    }

    /** An entry of 12 persons typed in the console form, with this many residing in Québec. */
    private org.springframework.test.web.servlet.MvcResult entered(
            org.springframework.mock.web.MockHttpSession session, String inQuebec) throws Exception {
        return mvc.perform(post("/console/incidents")
                        .session(session)
                        .with(csrf())
                        .param("title", "Lost laptop")
                        .param("occurredOn", "2026-11-20")
                        .param("awareOn", "2026-11-21")
                        .param("awareTime", "09:00")
                        .param("circumstances", "A laptop was left in a taxi.")
                        .param("personsCount", "12")
                        .param("personsInQuebec", inQuebec))
                .andReturn();
    }
}
