package ca.gardien.shared;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The one error contract of the REST API: RFC 9457 problem details with stable types, never a 500. */
class ProblemDetailsTest extends WebTestSupport {

    private String officer;

    @BeforeEach
    void token() {
        officer = officerBearer();
    }

    @Test
    void answersMalformedJsonWithA400Problem() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalName\": \"Unclosed"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(content().string(not(containsString("Unclosed"))));
    }

    @Test
    void answersAMissingBodyWithA400Problem() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(400, "malformed-request"));
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongJsonTypeWithoutEchoingIt() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalName\": \"Org\", \"address\": \"Secret Street 12\"}"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("address"))
                .andExpect(content().string(not(containsString("Secret Street"))));
    }

    @Test
    void namesEveryInvalidFieldAndNeverEchoesTheSubmittedValues() throws Exception {
        var body = profileJson("Org", "Camille Synthétique", "camille-at-nowhere", null)
                .replace("\"1234567890\"", "\"NEQ-9876-SECRET\"");

        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("neq", "personInCharge.email")))
                .andExpect(jsonPath("$.errors[*].message", not(hasItem(containsString("SECRET")))))
                .andExpect(content().string(not(containsString("NEQ-9876-SECRET"))))
                .andExpect(content().string(not(containsString("camille-at-nowhere"))));
    }

    @Test
    void answersAnUnknownIdWithA404Problem() throws Exception {
        mvc.perform(put("/api/v1/accounts/{id}/roles", UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"STAFF\"]}"))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post("/api/v1/accounts/{id}/disable", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void answersAnIdOfTheWrongTypeWithA400ProblemNamingIt() throws Exception {
        mvc.perform(post("/api/v1/accounts/{id}/enable", "twelve").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void answersAnUnsupportedMediaTypeWithAProblem() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("legalName=Org"))
                .andExpect(problem(415, "unsupported-media-type"));
    }

    @Test
    void answersAnUnsupportedMethodWithAProblem() throws Exception {
        mvc.perform(delete("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(405, "method-not-allowed"));
    }

    @Test
    void answersAnUnacceptableMediaTypeWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void answersAnUnknownApiPathWithA404Problem() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void springsOwnRefusalsSpeakTheCallersLanguageNotSpringsEnglish() throws Exception {
        // attacker's probe: "title":"Introuvable","detail":"No static resource api/v1/nope."
        mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(jsonPath("$.detail").value("Rien ne se trouve à cette adresse."));
        mvc.perform(get("/api/v1/no-such-thing")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail").value("Nothing is found at this address."));
        mvc.perform(delete("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith(
                                "La méthode DELETE n’est pas acceptée à cette adresse ; méthodes acceptées : ")));
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("legalName=Org"))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        org.hamcrest.Matchers.startsWith(
                                                "The content type text/plain;charset=UTF-8 is not accepted here; types accepted: [application/json")));
    }

    @Test
    void answersADuplicateWithA409Problem() throws Exception {
        var username = unique("dup");
        var body = """
                {"username":"%s","displayName":"D","password":"a-long-enough-password","roles":["STAFF"]}""".formatted(username);
        mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(409, "conflict"))
                .andExpect(content().string(not(containsString(username))));
    }

    @Test
    void answersAnInvalidQueryParameterWithA400ProblemNamingIt() throws Exception {
        mvc.perform(get("/api/v1/ledger/entries").param("limit", "0").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/ledger/entries").param("after", "-1").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("/api/v1/ledger/entries").param("limit", "many").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void answersTheSecurityFiltersRefusalsInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/organization"))
                .andExpect(problem(401, "unauthenticated"))
                .andExpect(jsonPath("$.title").value("Authentification requise"))
                .andExpect(jsonPath("$.detail").value(containsString("Une authentification est requise")));
        mvc.perform(get("/api/v1/organization").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(401, "unauthenticated"))
                .andExpect(jsonPath("$.title").value("Authentication required"))
                .andExpect(jsonPath("$.detail").value(containsString("Authentication is required")));
        var auditor = bearer(ca.gardien.organization.Role.AUDITOR);
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, auditor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(403, "forbidden"))
                .andExpect(jsonPath("$.title").value("Accès refusé"))
                .andExpect(jsonPath("$.detail").value("Votre rôle ne permet pas cette action."));
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, auditor)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(403, "forbidden"))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this action."));
    }

    @Test
    void answersTheValidatorsFieldMessagesInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/ledger/entries").param("limit", "0").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("doit")));
        mvc.perform(get("/api/v1/ledger/entries")
                        .param("limit", "0")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must")));
    }
}
