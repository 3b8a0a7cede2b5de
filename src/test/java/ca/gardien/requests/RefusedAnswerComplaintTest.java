package ca.gardien.requests;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A complaint about a request whose answer refused it is a complaint about a refusal, as one about a request deemed
 * refused is: its answer must tell of the examination of a disagreement (officer review: only a deemed refusal counted).
 */
class RefusedAnswerComplaintTest extends RequestsTestSupport {

    @Test
    void aComplaintLinkedToARequestAnsweredWithARefusalConcernsARefusal() throws Exception {
        var refused = inProgress("ACCESS", email());
        completeTasks(refused, "[]");
        draft(refused, staff, """
                        {"outcome": "REFUSAL", "reasons": "Les renseignements concernent un tiers.",
                         "legalProvisions": ["P-39.1 s. 40"],
                         "remedy": "Demande d'examen de mésentente à la Commission d'accès à l'information",
                         "remedyTimeLimitDays": 30}""").andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + refused + "/approve").header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/requests/" + refused + "/send").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("SENT"));

        var answered = inProgress("ACCESS", email());
        completeTasks(answered, "[]");
        draft(answered, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(status().isOk());

        assertConcernsRefusal(refused, true);
        assertConcernsRefusal(answered, false);
    }

    private void assertConcernsRefusal(java.util.UUID request, boolean expected) throws Exception {
        var body = mvc.perform(post("/api/v1/complaints")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Camille Exemple","email":"camille@example.test","phone":"+1 555 010 0199",
                                 "subject":"Refus d'accès","reasons":"Ma demande a été refusée.","language":"fr"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/complaints/" + id + "/links")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + request + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.concernsRefusal").value(expected));
    }
}
