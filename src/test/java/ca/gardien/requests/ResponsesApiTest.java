package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class ResponsesApiTest extends RequestsTestSupport {

    @Autowired
    RequestClock requestClock;

    @Autowired
    ResponseStore responses;

    @Test
    void rejectsARefusalWithoutLegalProvisionOrRemedyNamingWhatIsMissing() throws Exception {
        var id = inProgress("ACCESS", email());
        completeTasks(id, "[]");

        draft(id, staff, """
                        {"outcome": "REFUSAL", "reasons": "The information concerns a third person."}""")
                .andExpect(problem(422, "refusal-incomplete"))
                .andExpect(
                        jsonPath("$.missing", Matchers.contains("legalProvisions", "remedy", "remedyTimeLimitDays")));
        draft(id, staff, """
                        {"outcome": "PARTIAL_REFUSAL", "legalProvisions": ["P-39.1 s. 40"]}""")
                .andExpect(problem(422, "refusal-incomplete"))
                .andExpect(jsonPath("$.missing", Matchers.contains("reasons", "remedy", "remedyTimeLimitDays")));
        draft(id, staff, "{\"outcome\": \"MAYBE\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        // the letter states the remedy's time limit: under Québec's law it is 30 days, not what one types (s. 43)
        draft(id, staff, """
                        {"outcome": "REFUSAL", "reasons": "The information concerns a third person.",
                         "legalProvisions": ["P-39.1 s. 40"],
                         "remedy": "Application for the examination of a disagreement to the Commission d'accès à l'information",
                         "remedyTimeLimitDays": 5}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("remedyTimeLimitDays"));
        draft(id, staff, """
                        {"outcome": "REFUSAL", "reasons": "The information concerns a third person.",
                         "legalProvisions": ["P-39.1 s. 40"],
                         "remedy": "Application for the examination of a disagreement to the Commission d'accès à l'information",
                         "remedyTimeLimitDays": 30}""").andExpect(status().isOk());
        awaitLedgerEntry("requests.response-drafted", id);
    }

    /** Attacker's review of 2026-12-06: a BEL, a NUL, a right-to-left override and a tag reached the person's letter. */
    @Test
    void refusesAnAnswerWhoseTextsHoldControlCharactersOrInvisibleMarksNamingEachField() throws Exception {
        var id = inProgress("ACCESS", email());
        completeTasks(id, "[]");

        draft(id, staff, """
                        {"outcome": "PARTIAL_REFUSAL", "message": "Voici\\u0007 la r\\u00e9ponse\\u0000.",
                         "reasons": "Tiers \\u202eevil\\u202c.", "legalProvisions": ["P-39.1 \\udb40\\udc41art. 40"],
                         "remedy": "Commission", "remedyTimeLimitDays": 30}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath(
                        "$.errors[*].field", Matchers.containsInAnyOrder("message", "reasons", "legalProvisions")));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        draft(id, staff, """
                        {"outcome": "FULFILLED", "message": "Bonjour,\\n\\n\\tVoici la r\\u00e9ponse \\u263a\\ufe0f."}""").andExpect(status().isOk());
    }

    @Test
    void aResponseIsDraftedOnlyOnceEveryTaskIsDone() throws Exception {
        var id = inProgress("ACCESS", email());
        draft(id, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(problem(409, "request-state"));
        completeTasks(id, "[]");
        draft(id, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(status().isOk());
    }

    @Test
    void onlyThePersonInChargeOrADelegateApproves() throws Exception {
        var id = inProgress("RECTIFICATION", email());
        completeTasks(id, null); // a rectification's task finds nothing to change or makes it, never "found"
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Your address was corrected.\"}");

        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", staff))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", bearer(Role.DELEGATE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        awaitLedgerEntry("requests.approved", id);
    }

    @Test
    void aQuebecRequestIsDeemedRefusedWhenItsClockRunsOutButAGdprOneIsNot() throws Exception {
        var quebec = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var gdpr = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "GDPR", "customer");

        clock.advance(Duration.ofDays(20));
        requestClock.tick();
        mvc.perform(get("/api/v1/requests/" + quebec).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("RECEIVED"));

        clock.advance(Duration.ofDays(15)); // past every possible moved due date of a 30-day limit
        requestClock.tick();
        mvc.perform(get("/api/v1/requests/" + quebec).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("DEEMED_REFUSED"));
        mvc.perform(get("/api/v1/requests/" + gdpr).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        var email = outbox.about(quebec.toString()).stream()
                .filter(m -> m.template().equals("requests.deemed-refusal"))
                .findFirst()
                .orElseThrow();
        // the day in words, the remedy's time limit from the profile (remedy-days), as the letters write them
        assertThat(email.body())
                .containsPattern("a expiré le \\d{1,2}(er)? \\p{L}+ \\d{4}\u202f;")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .contains("dans les 30 jours");
        awaitLedgerEntry("requests.deemed-refused", quebec);
    }

    @Test
    void remindsTheAssigneeOncePerThresholdBeforeTheTaskIsDue() throws Exception {
        var id = inProgress("ACCESS", email());
        var assignee = person(Role.STAFF).id();
        var tasks = mvc.perform(get("/api/v1/requests/" + id + "/tasks").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String taskId = JsonPath.read(tasks, "$[0].id");
        String dueOn = JsonPath.read(tasks, "$[0].dueOn");
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + taskId + "/assign")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": \"" + assignee + "\"}"))
                .andExpect(jsonPath("$.assignee").value(assignee.toString()));

        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, java.time.LocalDate.parse(dueOn));
        clock.advance(Duration.ofDays(daysLeft - 6)); // 6 days left: the 7-day reminder
        requestClock.tick();
        requestClock.tick();
        assertThat(reminders(taskId)).hasSize(1);
        assertThat(reminders(taskId).getFirst().recipient()).isEqualTo("account:" + assignee);

        clock.advance(Duration.ofDays(4)); // 2 days left
        requestClock.tick();
        assertThat(reminders(taskId)).hasSize(2);
    }

    private List<ca.gardien.mail.OutboxMessage> reminders(String taskId) {
        return outbox.about(taskId).stream()
                .filter(m -> m.template().equals("requests.reminder"))
                .toList();
    }

    @Test
    void rejectsABadTaskResultAndAnUnknownTask() throws Exception {
        var id = inProgress("ACCESS", email());
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + UUID.randomUUID() + "/complete")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FOUND\"}"))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + UUID.randomUUID() + "/complete")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"PERHAPS\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    /**
     * The officer's review of 2026-12-05: a paper request (a customer number only) was recorded as answered by a link
     * that went nowhere. Without a verified email or phone the send step asks how the answer is handed over, makes no
     * link, and records the channel.
     */
    @Test
    void anAnswerNoLinkCanReachIsRecordedAsHandedOverTheWayStaffSay() throws Exception {
        var id = submitted(
                "{\"customerNumber\": \"C-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                "RECTIFICATION",
                "QC",
                "customer");
        mvc.perform(post("/api/v1/requests/" + id + "/identity-proof")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\": \"IN_PERSON_ID_CHECK\", \"reason\": \"Driving licence seen\"}"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        completeTasks(id, null);
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Corrigé.\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("delivery"));
        mvc.perform(post("/api/v1/requests/" + id + "/send?delivery=IN_PERSON").header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT"));
        assertThat(outbox.about(id.toString())).noneMatch(m -> m.template().equals("requests.delivery"));
        assertThat(jdbc.sql("SELECT count(*) FROM requests_download WHERE request_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("no link was made")
                .isZero();
        assertThat(String.valueOf(awaitLedgerEntry("requests.sent", id).get("payload")))
                .contains("IN_PERSON");
    }
}
