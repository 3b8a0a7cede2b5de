package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an assessment holds is bounded (attacker's review: 219 measures made its report's PDF take 18 seconds), and an
 * answer is what its question asks: a whole number for a number, never a made-up question's key said back.
 */
class AssessmentLimitsTest extends AssessmentTestSupport {

    private static final String MEASURE = """
            {"kind":"contractual","description":"Clause","owner":"Juridique","dueOn":"%s"}""";

    private static final String RISK = """
            {"description":"Accès par un tiers","likelihood":3,"severity":3,"residualLikelihood":2,"residualSeverity":2}""";

    /** The answer to the number of persons, as the view gives it. */
    private static final String COUNT = "$.sections[*].questions[?(@.id == 'persons-count')].answer";

    @Autowired
    JdbcTemplate gardienDb;

    @Test
    void aMeasureOrARiskBeyondTheAssessmentsLimitIsRefusedNamingTheLimitOnTheApiAndTheConsole() throws Exception {
        var id = start();
        var path = "/api/v1/assessments/" + id;
        for (int i = 0; i < AssessmentsProperties.MAX_ITEMS; i++) { // as many as an assessment holds, written directly
            gardienDb.update(
                    "INSERT INTO assessments_measure (id, assessment_id, seq, kind, description, owner, due_on)"
                            + " VALUES (?, ?, ?, 'contractual', 'Clause', 'Juridique', ?)",
                    UUID.randomUUID(),
                    UUID.fromString(id),
                    i,
                    time.today().plusDays(30));
            gardienDb.update(
                    "INSERT INTO assessments_risk (id, assessment_id, seq, description, likelihood, severity,"
                            + " residual_likelihood, residual_severity) VALUES (?, ?, ?, 'Accès', 2, 2, 1, 1)",
                    UUID.randomUUID(),
                    UUID.fromString(id),
                    i);
        }
        send(
                        "POST",
                        bearer(Role.AUDITOR),
                        path + "/measures",
                        MEASURE.formatted(time.today().plusDays(30)))
                .andExpect(problem(403, "forbidden"));
        send("POST", officerBearer(), path + "/measures", "{\"kind\":\"none\"}")
                .andExpect(problem(409, "conflict")); // the limit is said before the form's mistakes
        mvc.perform(post(path + "/measures")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(MEASURE.formatted(time.today().plusDays(30))))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("already holds 100 measures")));
        send("POST", officerBearer(), path + "/risks", RISK)
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("déjà 100 risques")));

        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(post("/console/assessments/" + id + "/measures?lang=fr")
                        .session(session)
                        .with(csrf())
                        .param("kind", "contractual")
                        .param("description", "Une de plus")
                        .param("owner", "Juridique")
                        .param("dueOn", time.today().plusDays(30).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refused", containsString("déjà 100 mesures")));
        read(officerBearer(), path)
                .andExpect(jsonPath("$.measures.length()").value(AssessmentsProperties.MAX_ITEMS))
                .andExpect(jsonPath("$.risks.length()").value(AssessmentsProperties.MAX_ITEMS));
    }

    @Test
    void anAnswerToAMadeUpQuestionIsRefusedNamingTheAnswersWithoutSayingTheKeyBack() throws Exception {
        var id = start();
        var made = "<script>alert(1)</script>\\u202e\\u0000KKKK";
        var body = send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", """
                        {"answers":{"%s":"x","other-%s":"y","sensitive":"peut-être"}}""".formatted(made, made))
                .andExpect(problem(400, "validation"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(body, "$.errors[*].field"))
                .containsExactlyInAnyOrder("answers", "answers.sensitive");
        assertThat(body).doesNotContain("script", "KKKK", "\u202e", "\\u202e", "\\u0000");
        send("PUT", bearer(Role.AUDITOR), "/api/v1/assessments/" + id + "/answers", """
                {"answers":{"sensitive":true}}""")
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void aNumberAnswerIsAWholeNumberUpToTenBillion() throws Exception {
        var id = start();
        var path = "/api/v1/assessments/" + id + "/answers";
        for (var refused : new String[] {"1.5", "12345678901234567890", "1e26", "-1", "10000000001"}) {
            send("PUT", officerBearer(), path + "?lang=en", "{\"answers\":{\"persons-count\":" + refused + "}}")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("answers.persons-count"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("whole number from 0 to")));
        }
        send("PUT", officerBearer(), path, "{\"answers\":{\"persons-count\":10000000000}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath(COUNT).value(org.hamcrest.Matchers.contains("10000000000")));
        send("PUT", officerBearer(), path, "{\"answers\":{\"persons-count\":1200}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath(COUNT).value(org.hamcrest.Matchers.contains("1200")));
    }
}
