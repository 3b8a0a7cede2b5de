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
 * The complainant is the person who made the request (ComplaintAboutAnotherPersonsRequestTest: another person's).
 */
class RefusedAnswerComplaintTest extends RequestsTestSupport {

    @Test
    void aComplaintLinkedToARequestAnsweredWithARefusalConcernsARefusal() throws Exception {
        var refusedEmail = email();
        var refused = sentRefusal(refusedEmail);

        var answeredEmail = email();
        var answered = inProgress("ACCESS", answeredEmail);
        completeTasks(answered, "[]");
        draft(answered, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(status().isOk());

        assertConcernsRefusal(refused, refusedEmail, true);
        assertConcernsRefusal(answered, answeredEmail, false);
    }

    private void assertConcernsRefusal(java.util.UUID request, String email, boolean expected) throws Exception {
        var body = mvc.perform(post("/api/v1/complaints")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Camille Exemple","email":"%s","phone":"+1 555 010 0199",
                                 "subject":"Refus d'accès","reasons":"Ma demande a été refusée.","language":"fr"}""".formatted(email)))
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
