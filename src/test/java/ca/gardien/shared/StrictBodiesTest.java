package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * JSON bodies are read as written (attacker's reviews): a key given twice, a value of another kind than the field's
 * (a number for text, a choice or a yes/no; a fraction for a count; a count of days for a date; text for a number) are
 * 400s naming the field, and a key the caller made up is never echoed in the problem.
 */
class StrictBodiesTest extends WebTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String INCIDENT = """
            {"title": "Sonde", "occurredOn": "2026-11-20", "awareAt": "2026-11-21T09:00:00-05:00",
             "circumstances": "Essai synthétique."%s}""";

    @Test
    void aValueOfAnotherKindIsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
        var officer = officerBearer();
        assertRefused(officer, "/api/v1/tokens", "{\"name\":\"ordinal\",\"roles\":[0]}", "roles");
        assertRefused(officer, "/api/v1/tokens", "{\"name\":5,\"roles\":[\"STAFF\"]}", "name");
        assertRefused(officer, "/api/v1/incidents", INCIDENT.formatted(", \"kind\": 0"), "kind");
        assertRefused(officer, "/api/v1/incidents", INCIDENT.formatted(", \"personsCount\": 1.7"), "personsCount");
        assertRefused(officer, "/api/v1/incidents", INCIDENT.formatted(", \"personsCount\": \"12\""), "personsCount");
        assertRefused(
                officer, "/api/v1/incidents", INCIDENT.formatted(", \"personsApproximate\": 1"), "personsApproximate");
        assertRefused(officer, "/api/v1/incidents", INCIDENT.replace("\"2026-11-20\"", "19000"), "occurredOn");
        assertRefused(null, "/consent/choices", """
                {"visitor":"vprobe-aaaaaaaaaaaa1","choices":{"statistics":1}}""", "choices");
        assertRefused(null, "/consent/choices", """
                {"visitor":"vprobe-aaaaaaaaaaaa2","choices":{"statistics":"true"}}""", "choices");
        // what is right still goes through
        var created = mvc.perform(post("/api/v1/incidents")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(INCIDENT.formatted(", \"personsCount\": 12, \"personsApproximate\": true")))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndAMadeUpKeyIsNeverEchoed() throws Exception {
        var officer = officerBearer();
        var twice = mvc.perform(post("/api/v1/tokens")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"a\",\"name\":\"b\",\"roles\":[\"STAFF\"]}"))
                .andReturn()
                .getResponse();
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(twice.getContentAsString(), "$.errors[*].field"))
                .as("named where it was given twice")
                .containsExactly("name");

        var madeUp = "\u202eevil<img src=x>" + "A".repeat(5000);
        var echoed = mvc.perform(post("/consent/choices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visitor\":\"vprobe-aaaaaaaaaaaa3\",\"choices\":{\"" + madeUp + "\":\"x\"}}"))
                .andReturn()
                .getResponse();
        assertThat(echoed.getStatus()).isEqualTo(400);
        assertThat(echoed.getContentAsString()).doesNotContain("evil", "AAAA", "\u202e");
        // a plain key of a map is the caller's too (attacker's re-check: a card number as a key came back)
        var card = mvc.perform(post("/consent/choices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visitor\":\"vprobe-aaaaaaaaaaaa4\",\"choices\":{\"4510123412341234\":1}}"))
                .andReturn()
                .getResponse();
        assertThat(card.getStatus()).isEqualTo(400);
        assertThat(card.getContentAsString()).doesNotContain("4510123412341234");
        assertThat(JsonPath.<List<String>>read(card.getContentAsString(), "$.errors[*].field"))
                .containsExactly("choices");
    }

    /** A field the operation does not read was dropped silently: a misspelt optional field lost what it carried. */
    @Test
    void aFieldTheOperationDoesNotReadIsRefusedNamingItAndNothingIsWritten() throws Exception {
        var officer = officerBearer();
        var before = incidents();
        var misspelt = mvc.perform(post("/api/v1/incidents")
                        .header("Authorization", officer)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(INCIDENT.formatted(", \"personsCount\": 12, \"personsInQuebc\": 10")))
                .andReturn()
                .getResponse();
        assertThat(misspelt.getStatus()).isEqualTo(400);
        var body = misspelt.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).containsExactly("personsInQuebc");
        assertThat(JsonPath.<String>read(body, "$.errors[0].message"))
                .startsWith("n’est pas un champ de cette opération");
        assertThat(JsonPath.<String>read(body, "$.detail")).doesNotContain("JSON valide");
        assertRefused(officer, "/api/v1/tokens", "{\"name\":\"t\",\"roles\":[\"STAFF\"],\"role\":\"X\"}", "role");
        assertThat(incidents()).isEqualTo(before);
    }

    private long incidents() {
        return jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
    }

    private void assertRefused(String bearer, String path, String body, String field) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        var answer = mvc.perform(request).andReturn().getResponse();
        assertThat(answer.getStatus()).as(body).isEqualTo(400);
        List<String> fields = JsonPath.read(answer.getContentAsString(), "$.errors[*].field");
        assertThat(fields).as(body + " → " + answer.getContentAsString()).anyMatch(f -> f.startsWith(field));
        assertThat(JsonPath.<String>read(answer.getContentAsString(), "$.detail"))
                .as("valid JSON with a value of the wrong kind is not said to be invalid JSON")
                .doesNotContain("JSON");
    }
}
