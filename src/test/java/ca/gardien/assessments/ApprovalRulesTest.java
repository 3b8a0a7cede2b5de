package ca.gardien.assessments;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * Approval needs every required question answered and, for a communication outside Québec (s. 17), the conclusion that
 * the information would receive adequate protection: otherwise a problem naming each question, in the caller's
 * language, and nothing approved. A rejection needs neither.
 */
class ApprovalRulesTest extends AssessmentTestSupport {

    /** Assigns, consults and reviews, so that the decision is the next step. */
    private void reviewed(String path) throws Exception {
        var officer = officerBearer();
        send("PUT", officer, path + "/assignee", "{\"accountId\":\"" + officerId() + "\"}")
                .andExpect(status().isOk());
        send("POST", officer, path + "/consultation", "{\"consultedOn\":\"2020-01-02\",\"note\":\"Consultée.\"}")
                .andExpect(status().isOk());
        review(path);
    }

    private void review(String path) throws Exception {
        send("POST", officerBearer(), path + "/review", "{\"note\":\"Revue.\"}").andExpect(status().isOk());
    }

    @Test
    void aTransferIsApprovedOnlyWithEveryRequiredAnswerAndAdequateProtection() throws Exception {
        var item = "transfers/" + applyTransfer(unique("rules"), "US");
        var id = assessmentOf(item);
        var path = "/api/v1/assessments/" + id;
        var officer = officerBearer();
        reviewed(path);
        // nothing answered beyond what the map pre-filled: the conclusion on adequate protection is missing
        send("POST", officer, path + "/decision?lang=en", "{\"decision\":\"approve\",\"reasons\":\"Adéquat.\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("answers.adequate")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(containsString("Answer “Would the information receive adequate protection?”")));
        read(officer, path).andExpect(jsonPath("$.status").value("REVIEWED"));
        // in the console, the refusal comes back to the page and links to the question, its error next to it
        var person = person(Role.PRIVACY_OFFICER);
        var session = login(person.username(), person.password());
        var refused = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/console/assessments/" + id + "/decision")
                                .param("decision", "approve")
                                .param("reasons", "Adéquat.")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/assessments/" + id))
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/console/assessments/" + id)
                        .session(session)
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("href=\"#q-adequate\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("id=\"q-adequate-error\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Adéquat.</textarea>")));

        // every question answered, but the protection would not be adequate: s. 17 forbids the communication
        answerRequired(id, officer);
        send("PUT", officer, path + "/answers", "{\"answers\":{\"adequate\":false}}")
                .andExpect(status().isOk());
        review(path);
        send("POST", officer, path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"Adéquat.\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("answers.adequate")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(containsString("L’approbation exige la réponse « Oui » à « Les renseignements"
                                + " bénéficieraient-ils d’une protection adéquate ? » (P-39.1, art. 17)")));
        send("POST", officer, path + "/decision?lang=en", "{\"decision\":\"approve\",\"reasons\":\"Adéquat.\"}")
                .andExpect(jsonPath("$.errors[0].message")
                        .value(containsString("Approval requires the answer “Yes” to “Would the information receive"
                                + " adequate protection?” (P-39.1, s. 17)"))); // cited in English style
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(hasItem(item)));

        send("PUT", officer, path + "/answers", "{\"answers\":{\"adequate\":true}}")
                .andExpect(status().isOk());
        review(path);
        send("POST", bearer(Role.DELEGATE), path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"Adéquat.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(not(hasItem(item))));
    }

    @Test
    void aProjectWithNothingAnsweredIsRefusedNamingEveryRequiredQuestion() throws Exception {
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Projet %s","templateId":"qc-system"}""".formatted(unique("empty")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        var path = "/api/v1/assessments/" + id;
        reviewed(path);
        send("POST", officerBearer(), path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"Rien.\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "answers.project-type",
                                "answers.description",
                                "answers.systems",
                                "answers.categories",
                                "answers.sensitive",
                                "answers.purposes",
                                "answers.distribution",
                                "answers.medium",
                                "answers.existing-measures")))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.description')].message")
                        .value(hasItem("Répondez à « Description du projet » avant d’approuver l’évaluation")));
        answerRequired(id, officerBearer());
        review(path);
        send("POST", officerBearer(), path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"Complète.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aRejectionNeedsNoAnswer() throws Exception {
        var id = assessmentOf("transfers/" + applyTransfer(unique("reject"), "US"));
        var path = "/api/v1/assessments/" + id;
        reviewed(path);
        send("POST", officerBearer(), path + "/decision", "{\"decision\":\"reject\",\"reasons\":\"Incomplète.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void ofDecisionsSentAtOnceOnlyOneIsTakenAndTheOthersAreConflicts() throws Exception {
        for (int round = 0; round < 3; round++) {
            var id = assessmentOf("transfers/" + applyTransfer(unique("race"), "US"));
            var path = "/api/v1/assessments/" + id;
            reviewed(path);
            var bearer = officerBearer();
            var statuses = ca.gardien.support.AtOnce.results(
                    8,
                    n -> send("POST", bearer, path + "/decision", "{\"decision\":\"reject\",\"reasons\":\"R.\"}")
                            .andReturn()
                            .getResponse()
                            .getStatus());
            org.assertj.core.api.Assertions.assertThat(statuses)
                    .as("one decision taken, the others refused as conflicts")
                    .containsOnlyOnce(200)
                    .containsOnly(200, 409);
        }
    }

    @Test
    void theTemplatesSayWhichQuestionsAreRequiredAndWhatApprovalNeeds() throws Exception {
        read(bearer(Role.AUDITOR), "/api/v1/assessments/templates")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'qc-transfer')].sections[*].questions[?(@.id == 'adequate')]"
                                + ".approveOnly")
                        .value(hasItem("yes")))
                .andExpect(jsonPath("$[?(@.id == 'qc-system')].sections[*].questions[?(@.required == true)].id")
                        .value(hasItem("description")));
    }
}
