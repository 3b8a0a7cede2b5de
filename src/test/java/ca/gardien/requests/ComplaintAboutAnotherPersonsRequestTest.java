package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Privacy officer's review: a complaint linked to a refused rights request of another person got an answer telling the
 * complainant of "the refusal of your request" and of the examination of a disagreement. That recourse (ss. 42-43)
 * belongs to the person who made the request; anyone may complain to the Commission. The answer about another person's
 * request gives that recourse alone and says nothing of the request; the complainant's own request still brings the
 * 30 days.
 */
class ComplaintAboutAnotherPersonsRequestTest extends RequestsTestSupport {

    private String complaint(String email, String language) throws Exception {
        var body = mvc.perform(post("/api/v1/complaints")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Camille Exemple\",\"email\":\"" + email + "\","
                                + "\"phone\":\"+1 555 010 0199\",\"subject\":\"Refus\",\"reasons\":\"Motifs.\","
                                + "\"language\":\"" + language + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ResultActions link(String complaint, UUID request, String refused) throws Exception {
        return mvc.perform(post("/api/v1/complaints/" + complaint + "/links")
                .header("Authorization", officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestId\":\"" + request + "\"" + (refused == null ? "" : ",\"refused\":" + refused)
                        + "}"));
    }

    private String answerText(String complaint) throws Exception {
        mvc.perform(post("/api/v1/complaints/" + complaint + "/answer")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\":\"Nos motifs.\"}"))
                .andExpect(status().isOk());
        return outbox.about(complaint).stream()
                .filter(m -> "complaint-answer".equals(m.template()))
                .map(m -> m.subject() + "\n" + m.body())
                .reduce("", String::concat);
    }

    @Test
    void anAnswerAboutAnotherPersonsRefusedRequestGivesTheCommissionAloneAndSaysNothingOfThatRequest()
            throws Exception {
        var request = sentRefusal(email());
        for (var language : new String[] {"fr", "en"}) {
            var id = complaint(email(), language);
            link(id, request, null).andExpect(status().isOk());
            mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", officerBearer()))
                    .andExpect(jsonPath("$.concernsRefusal").value(false));
            var letter = answerText(id);
            assertThat(letter)
                    .containsAnyOf(
                            "vous pouvez porter plainte auprès de la Commission",
                            "you may file a complaint with the Commission")
                    .doesNotContain(
                            "mésentente", "disagreement", "30 jours", "30 days", "votre demande", "your request");
        }
    }

    @Test
    void sayingAnotherPersonsRequestRefusedIsAnErrorOfTheFieldAndLinksNothing() throws Exception {
        var request = sentRefusal(email());
        var id = complaint(email(), "fr");
        link(id, request, "true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("refused"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("n’est pas celle de la personne")));
        mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.requestId").doesNotExist());
    }

    @Test
    void theComplainantsOwnRefusedRequestStillBringsTheThirtyDays() throws Exception {
        var email = email();
        var request = sentRefusal(email);
        var id = complaint(email.toUpperCase(java.util.Locale.ROOT), "fr");
        link(id, request, null).andExpect(status().isOk());
        assertThat(answerText(id)).contains("mésentente", "refus de votre demande");
    }
}
