package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ExtensionsApiTest extends RequestsTestSupport {

    org.springframework.test.web.servlet.ResultActions extend(UUID id, String body) throws Exception {
        return mvc.perform(post("/api/v1/requests/" + id + "/extend")
                .header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void aGdprTimeLimitIsExtendedOnceWithReasonsSentToThePerson() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "GDPR", "customer");
        var before = mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String extended = JsonPath.read(before, "$.extendedDueOn");

        extend(id, "{}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("reasons"));
        extend(id, "{\"reasons\": \"Many systems to search.\"}")
                .andExpect(jsonPath("$.dueOn").value(extended));
        extend(id, "{\"reasons\": \"Again.\"}").andExpect(problem(409, "request-state"));

        var email = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.extension"))
                .findFirst()
                .orElseThrow();
        assertThat(email.body()) // the new due day in words, as the acknowledgement and the letters write days
                .containsPattern("jusqu’au \\d{1,2}(er)? \\p{L}+ \\d{4},")
                .doesNotContain(extended);
        awaitLedgerEntry("requests.extended", id);
    }

    @Test
    void aQuebecTimeLimitCannotBeExtended() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        extend(id, "{\"reasons\": \"Busy.\"}").andExpect(problem(409, "request-state"));
    }
}
