package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The data map starts an assessment of a transfer outside Québec, pre-filled from the map; approving it clears the gap;
 * a new destination reopens a new version and the gap returns. Answers of the wrong type are refused by question.
 */
class AssessmentsApiTest extends AssessmentTestSupport {

    @Test
    void aTransferOutsideQuebecStartsAPrefilledAssessmentWhoseApprovalClearsTheGapUntilTheDestinationChanges()
            throws Exception {
        var transfer = applyTransfer(unique("backup"), "US");
        var item = "transfers/" + transfer;
        var id = assessmentOf(item);
        assertThat(id).as("an assessment started by the apply").isNotNull();
        var officer = officerBearer();
        read(officer, "/api/v1/assessments/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.templateId").value("qc-transfer"))
                .andExpect(jsonPath("$.gapRule").value("transfer-without-approved-pia"))
                .andExpect(jsonPath("$.gap.id")
                        .value(containsString("transfer-without-approved-pia:transfers:" + transfer)))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].answer")
                        .value(hasItem("États-Unis")))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].prefilled")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'agreement')].answer")
                        .value(hasItem("ENG-2024-02")))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'categories')].answer")
                        .value(hasItem(containsString("(non sensible)"))));
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(hasItem(item)));

        // a pre-filled answer is editable and no longer marked pre-filled once changed
        send("PUT", officer, "/api/v1/assessments/" + id + "/answers", """
                {"answers":{"destination":"États-Unis (Virginie)","adequate":true}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].prefilled")
                        .value(hasItem(false)))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'adequate')].answer")
                        .value(hasItem("yes")));
        approve(id, officer, officerId());
        var approved = read(officer, "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.gap").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String sha256 = JsonPath.read(approved, "$.documentSha256");
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(not(hasItem(item))));
        var fact = awaitLedgerEntry("assessments.approved", id);
        assertThat(String.valueOf(fact.get("payload"))).contains(sha256).contains(item);
        // frozen
        send("PUT", officer, "/api/v1/assessments/" + id + "/answers", "{\"answers\":{\"adequate\":false}}")
                .andExpect(problem(409, "conflict"));

        applyTransfer(transfer, "CN");
        var reopened = assessmentOf(item);
        assertThat(reopened).isNotEqualTo(id);
        read(officer, "/api/v1/assessments/" + reopened)
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].answer")
                        .value(hasItem("Chine")))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].prefilled")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'adequate')].answer")
                        .value(hasItem("yes")));
        read(officer, "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.superseded").value(true));
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[*].object").value(hasItem(item)));
        awaitLedgerEntry("assessments.reopened", reopened);
    }

    @Test
    void aPendingAssessmentHasItsPrefilledAnswersReadAgainWhenTheTransferChanges() throws Exception {
        var transfer = applyTransfer(unique("crm"), "US");
        var item = "transfers/" + transfer;
        var id = assessmentOf(item);
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", "{\"answers\":{\"adequate\":false}}")
                .andExpect(status().isOk());
        applyTransfer(transfer, "FR");
        assertThat(assessmentOf(item)).isEqualTo(id);
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'destination')].answer")
                        .value(hasItem("France")))
                .andExpect(jsonPath("$.sections[*].questions[?(@.id == 'adequate')].answer")
                        .value(hasItem("no")));
        awaitLedgerEntry("assessments.refreshed", id);
    }

    @Test
    void aRejectedAssessmentKeepsItsGapAndSaysWhy() throws Exception {
        var item = "transfers/" + applyTransfer(unique("mail"), "US");
        var id = assessmentOf(item);
        var officer = officerBearer();
        send("PUT", officer, "/api/v1/assessments/" + id + "/assignee", "{\"accountId\":\"" + officerId() + "\"}");
        send("POST", officer, "/api/v1/assessments/" + id + "/consultation", """
                {"consultedOn":"2020-01-02","note":"Consultée."}""")
                .andExpect(status().isOk());
        send("POST", officer, "/api/v1/assessments/" + id + "/review", "{\"note\":\"Vu.\"}")
                .andExpect(status().isOk());
        send("POST", bearer(Role.DELEGATE), "/api/v1/assessments/" + id + "/decision", """
                {"decision":"reject","reasons":"Aucune clause sur les sous-traitants."}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        read(officer, "/api/v1/inventory/gaps")
                .andExpect(jsonPath("$[?(@.object == '" + item + "')].explanation")
                        .value(hasItem(containsString("Aucune clause sur les sous-traitants."))));
        awaitLedgerEntry("assessments.rejected", id);
    }

    @Test
    void anAnswerOfTheWrongTypeIsRefusedNamingTheQuestion() throws Exception {
        var id = start(officerBearer());
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", """
                {"answers":{"sensitive":"peut-être","persons-count":"beaucoup","nothing-like-it":"x"}}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "answers.sensitive", "answers.persons-count", "answers")))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.sensitive')].message")
                        .value(hasItem(containsString("renseignements sensibles"))));
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers?lang=en", """
                {"answers":{"project-type":"rent"}}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Kind of project")));
        var many = new StringBuilder("{\"answers\":{");
        for (int i = 0; i < 300; i++) {
            many.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":\"x\"");
        }
        send(
                        "PUT",
                        officerBearer(),
                        "/api/v1/assessments/" + id + "/answers",
                        many.append("}}").toString())
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("answers"));
        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", "{}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("answers"));
    }

    @Test
    void startingByHandAnswers201WithTheTemplateAndRefusesBadInput() throws Exception {
        var officer = officerBearer();
        send("POST", officer, "/api/v1/assessments", """
                {"title":"Nouveau portail client","templateId":"qc-system"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/assessments/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.item").doesNotExist());
        send("POST", officer, "/api/v1/assessments", """
                {"title":" ","templateId":"nope","item":"systems/does-not-exist"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("title", "templateId", "item")));
        for (var hidden : java.util.List.of("PIA \\u202e\\u0000 rev", "Portail\\u0001", "Deux\\nlignes", "x \\ud800")) {
            send("POST", officer, "/api/v1/assessments", "{\"title\":\"" + hidden + "\",\"templateId\":\"qc-system\"}")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("title"));
        }
        send("POST", bearer(Role.STAFF), "/api/v1/assessments", "{\"title\":\"x\",\"templateId\":\"qc-system\"}")
                .andExpect(problem(403, "forbidden"));
        read(officer, "/api/v1/assessments?status=bogus")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        read(officer, "/api/v1/assessments?status=DRAFT")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status").value(not(hasItem("APPROVED"))));
    }
}
