package ca.gardien.incidents;

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
import org.springframework.test.web.servlet.MockMvc;

/** The incident tests' API calls: a JSON body sent with a bearer token, the answer's status checked. */
record IncidentCalls(MockMvc mvc) {

    /** An organization profile for the notices' sender and contact. */
    static final OrganizationProfile PROFILE = new OrganizationProfile(
            "Exemple inc.",
            "1234567890",
            new OrganizationProfile.Address("1, rue Exemple", "Québec", "Québec", "G1K 1A1", "Canada"),
            new OrganizationProfile.PersonInCharge("Marie Tremblay", "Directrice", null, "rprp@example.test", null),
            null);

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
