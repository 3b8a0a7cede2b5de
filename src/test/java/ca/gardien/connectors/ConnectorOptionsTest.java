package ca.gardien.connectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The attacker's review: a registration's {@code options} were accepted and silently ignored — {@code sslmode:
 * verify-full} there, and the connection test then succeeded to a server without TLS; a name holding markup and U+202E
 * was kept too. No connector reads options, so a non-empty one is a 400 naming {@code options}, in French or English,
 * and nothing is registered; driver properties go in the JDBC URL, where the connector rules check them.
 */
class ConnectorOptionsTest extends ConnectorTestSupport {

    private final String url = "jdbc:h2:mem:options-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private ResultActions registerWith(String bearer, String id, String options, String lang) throws Exception {
        return mvc.perform(post("/api/v1/connectors")
                .header("Authorization", bearer)
                .header("Accept-Language", lang)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id":"%s","type":"jdbc","url":"%s","username":"sa","password":"","options":%s}""".formatted(id, url, options)));
    }

    @Test
    void optionsAreRefusedNamingTheFieldAndNothingIsRegistered() throws Exception {
        var id = "opt-" + UUID.randomUUID().toString().substring(0, 8);
        registerWith(officerBearer(), id, "{\"sslmode\":\"verify-full\"}", "fr")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("options")))
                .andExpect(jsonPath("$.errors[?(@.field=='options')].message")
                        .value(hasItem(containsString("adresse JDBC"))));
        registerWith(bearer(Role.DELEGATE), id, "{\"<script>\\u202e\":\"1\"}", "en")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[?(@.field=='options')].message")
                        .value(hasItem(containsString("in the JDBC URL"))));
        mvc.perform(get("/api/v1/connectors/" + id).header("Authorization", officerBearer()))
                .andExpect(status().isNotFound());
        registerWith(officerBearer(), id, "{}", "fr")
                .andExpect(status().isCreated()); // empty or absent: nothing to ignore
    }

    @Test
    void staffAndAuditorsAreRefusedBeforeTheirOptionsAreRead() throws Exception {
        for (var role : new Role[] {Role.STAFF, Role.AUDITOR}) {
            registerWith(bearer(role), "opt-role", "{\"sslmode\":\"verify-full\"}", "fr")
                    .andExpect(problem(403, "forbidden"));
        }
    }
}
