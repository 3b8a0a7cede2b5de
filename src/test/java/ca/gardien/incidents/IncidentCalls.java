package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The incident tests' API calls: a JSON body sent with a bearer token, the answer's status checked. */
record IncidentCalls(MockMvc mvc) {

    /** An organization profile for the notices' sender and contact. */
    static final OrganizationProfile PROFILE = new OrganizationProfile(
            "Exemple inc.",
            "1234567890",
            new OrganizationProfile.Address("1, rue Exemple", "Québec", "Québec", "G1K 1A1", "Canada"),
            new OrganizationProfile.PersonInCharge("Marie Tremblay", "Directrice", null, "rprp@example.test", null),
            null);

    /** An entry of a file sent to the wrong supplier: three persons, the information concerned described. */
    static final String MISDIRECTED_FILE = """
            {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
             "awareAt": "2026-11-21T09:00:00-05:00", "circumstances": "A file was sent to the wrong supplier.",
             "piDescription": "Names", "personsCount": 3}""";

    String send(HttpMethod method, String bearer, String path, String body, int expected) throws Exception {
        return mvc.perform(request(method, path)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Records an entry; its id. */
    String create(String bearer, String body) throws Exception {
        return JsonPath.read(send(HttpMethod.POST, bearer, "/api/v1/incidents", body, 201), "$.id");
    }

    /** Records an entry as {@link IncidentsApiTest#MINIMAL} whose first notice to the Commission is dated; its id. */
    String notifiedToCommission(String bearer, String caiNoticeOn) throws Exception {
        var id = create(bearer, IncidentsApiTest.MINIMAL);
        send(HttpMethod.POST, bearer, "/api/v1/incidents/" + id + "/notices", """
                {"caiNoticeOn": "%s"}""".formatted(caiNoticeOn), 200);
        return id;
    }

    /** A console page (200) as the session reads it, with the flash of the step that led there if any. */
    String page(MockHttpSession session, String path, MvcResult step) throws Exception {
        var request = get(path).session(session);
        if (step != null) {
            request = request.flashAttrs(step.getFlashMap());
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The part of a page from {@code start}, which must be there, to the next {@code end}. */
    static String between(String html, String start, String end) {
        var from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from));
    }

    /** The console's new entry posted with the day of awareness but not its time; the form as it comes back (200). */
    String untimedAwareness(MockHttpSession session, String title) throws Exception {
        return mvc.perform(post("/console/incidents")
                        .session(session)
                        .with(csrf())
                        .param("title", title)
                        .param("occurredOn", "2026-11-20")
                        .param("awareOn", "2026-11-21")
                        .param("awareTime", "")
                        .param("circumstances", "A laptop was left in a taxi."))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /**
     * Gives an entry recorded as {@link IncidentsApiTest#MINIMAL} what its notice to the persons needs to be sent
     * (Reg. s. 5): the information concerned, a containment measure, the measures suggested to the persons, and the
     * organization profile (the contact) when there is none yet.
     */
    void completePersonsNotice(String bearer, String id, Organization organization) throws Exception {
        if (organization.profile().isEmpty()) {
            organization.update(PROFILE, Actor.SYSTEM);
        }
        var base = "/api/v1/incidents/" + id;
        send(
                HttpMethod.PUT,
                bearer,
                base,
                IncidentsApiTest.MINIMAL.replace("}", ", \"piDescription\": \"Names\"}"),
                200);
        send(HttpMethod.POST, bearer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Remote wipe", "owner": "IT", "doneOn": "2026-11-21"}""", 200);
        send(HttpMethod.PUT, bearer, base + "/person-advice", "{\"advice\": \"Watch your statements.\"}", 200);
    }
}
