package ca.gardien.assessments;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.Transfer;
import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Shared steps of the assessment tests: the demo map with one more transfer outside Québec, JSON calls. */
@Import(AssessmentTestSupport.Clocks.class)
abstract class AssessmentTestSupport extends WebTestSupport {

    @Autowired
    MovableClock clock;

    /** The organization's days: a consultation or a measure's due day is one of them. */
    @Autowired
    ca.gardien.organization.OrganizationTime time;

    @Autowired
    Inventory inventory;

    /**
     * The store, spied on (calling through): a test has another save happen between a step's read and its write
     * ({@link AnswersSavedTwiceTest}). Declared here so that every assessment test shares one application context.
     */
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
    AssessmentStore store;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** Starts an assessment of the system questionnaire as the person in charge; returns its id. */
    String start() throws Exception {
        return start(officerBearer());
    }

    /** Starts an assessment of the system questionnaire as {@code bearer}'s holder; returns its id. */
    String start(String bearer) throws Exception {
        var body = send("POST", bearer, "/api/v1/assessments", """
                        {"title":"Projet %s","templateId":"qc-system"}""".formatted(UUID.randomUUID()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** Applies the demo map plus a transfer of contact details to {@code destination}; returns the transfer's id. */
    String applyTransfer(String id, String destination) throws Exception {
        var demo = new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8);
        apply(demo);
        var yaml = inventory.documentWith(
                new Transfer(id, destination, "hosting-provider", List.of("contact"), "ENG-2024-02", null, false));
        apply(yaml);
        return id;
    }

    void apply(String yaml) throws Exception {
        mvc.perform(post("/api/v1/inventory/apply")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType("application/yaml")
                        .content(yaml))
                .andExpect(status().isOk());
    }

    ResultActions send(String method, String bearer, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions read(String bearer, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer));
    }

    /** The id of the current (not superseded) assessment of a data-map item. */
    String assessmentOf(String item) throws Exception {
        var body = read(officerBearer(), "/api/v1/assessments")
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(body, "$[?(@.item == '" + item + "')].id");
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /**
     * Answers every required question still unanswered (yes to every yes-no one: the s. 17 conclusion that protection
     * would be adequate included), as approval requires.
     */
    void answerRequired(String id, String bearer) throws Exception {
        var body = read(bearer, "/api/v1/assessments/" + id)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<java.util.Map<String, Object>> questions =
                JsonPath.read(body, "$.sections[*].questions[?(@.required == true)]");
        var answers = new java.util.LinkedHashMap<String, Object>();
        for (var q : questions) {
            var type = (String) q.get("type");
            if (q.get("answer") != null && !"yes-no".equals(type)) {
                continue;
            }
            answers.put(
                    (String) q.get("id"),
                    switch (type) {
                        case "yes-no" -> "yes";
                        case "choice" -> JsonPath.read(q, "$.choices[0].id");
                        case "number" -> 100;
                        case "date" -> "2026-01-15";
                        default -> "Réponse de l'équipe de projet.";
                    });
        }
        send(
                        "PUT",
                        bearer,
                        "/api/v1/assessments/" + id + "/answers",
                        tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(java.util.Map.of("answers", answers)))
                .andExpect(status().isOk());
    }

    /** Answers what approval requires, then takes it through consultation, a measure, review and approval. */
    void approve(String id, String bearer, UUID reviewer) throws Exception {
        reviewed(id, bearer, reviewer);
        send("POST", bearer, "/api/v1/assessments/" + id + "/decision", """
                {"decision":"approve","reasons":"Protection adéquate sous entente écrite."}""").andExpect(status().isOk());
    }

    /** Answers what approval requires, then takes it through consultation, a measure and review: ready for a decision. */
    void reviewed(String id, String bearer, UUID reviewer) throws Exception {
        answerRequired(id, bearer);
        send("PUT", bearer, "/api/v1/assessments/" + id + "/assignee", "{\"accountId\":\"" + reviewer + "\"}")
                .andExpect(status().isOk());
        send("POST", bearer, "/api/v1/assessments/" + id + "/consultation", """
                {"consultedOn":"%s","note":"Consultée dès le début du projet."}""".formatted(time.today()))
                .andExpect(status().isOk());
        send("POST", bearer, "/api/v1/assessments/" + id + "/measures", """
                {"kind":"contractual","description":"Clause de localisation des sauvegardes","owner":"Service juridique",
                 "dueOn":"%s"}""".formatted(
                                time.today().plusDays(30)))
                .andExpect(status().isOk());
        send(
                        "POST",
                        bearerFor(reviewer, ca.gardien.organization.Role.PRIVACY_OFFICER),
                        "/api/v1/assessments/" + id + "/review",
                        "{\"note\":\"Revue complète.\"}")
                .andExpect(status().isOk());
    }
}
