package ca.gardien.requests;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A step the request's status refuses is said in plain words, in French and English, never with raw status values
 * (review of 21b4984: "Une demande à l'état SENT ne peut pas passer à SENT."); the API keeps the raw status in the
 * problem's {@code requestStatus} property for programs.
 */
class RequestStateWordsTest extends RequestsTestSupport {

    @Test
    void aFinishedRequestTakesNoMoreRepresentativeDocumentsAndSaysSo() throws Exception {
        var body = submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API",
                         "representative": "PARENT", "subjectCategory": "customer"}""".formatted(email()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(JsonPath.read(body, "$.id"));
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        upload(id, "fr")
                .andExpect(problem(409, "request-state"))
                .andExpect(jsonPath("$.requestStatus").value("CANCELLED"))
                .andExpect(
                        jsonPath("$.detail").value("La demande est terminée : on ne peut plus y joindre de document."));
        upload(id, "en")
                .andExpect(problem(409, "request-state"))
                .andExpect(jsonPath("$.detail")
                        .value("The request is finished: no document can be added to it any more."));
    }

    @Test
    void aRequestWithoutARepresentativeSaysItTakesNoRepresentativesDocument() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        upload(id, "fr")
                .andExpect(problem(409, "request-state"))
                .andExpect(jsonPath("$.detail")
                        .value("Cette demande n’est pas faite par un représentant : elle n’attend aucun document de"
                                + " représentant."));
    }

    @Test
    void aRefusedMoveNamesBothStatusesInWords() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        approve(id, "fr")
                .andExpect(problem(409, "request-state"))
                .andExpect(jsonPath("$.requestStatus").value("RECEIVED"))
                .andExpect(jsonPath("$.detail")
                        .value("Une demande à l’état « Reçue » ne peut pas passer à l’état « Réponse approuvée »."));
        approve(id, "en")
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "A request in the status \"Received\" cannot move to the status \"Response approved\"."));
    }

    private ResultActions upload(UUID id, String language) throws Exception {
        return mvc.perform(multipart("/api/v1/requests/" + id + "/documents")
                .file(new MockMultipartFile("document", "mandate.pdf", "application/pdf", new byte[] {1, 2, 3}))
                .header("Authorization", staff)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    private ResultActions approve(UUID id, String language) throws Exception {
        return mvc.perform(post("/api/v1/requests/" + id + "/approve")
                .header("Authorization", officerBearer())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }
}
