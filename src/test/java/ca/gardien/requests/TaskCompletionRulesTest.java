package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The records of a completed task obey one set of rules whoever gives them ({@link TaskFindings#errors}): the API refuses
 * bad ones naming each field, in the reader's language, and stores nothing; records stored before the rules still read.
 */
class TaskCompletionRulesTest extends RequestsTestSupport {

    private static final String BAD = """
            [{"category": null, "source": null, "fields": null},
             null,
             {"category": "contact", "source": "martian", "fields": {"": "x"}},
             {"category": "contact", "source": "person", "fields": {"phone": null}},
             {"category": "contact", "source": "organization", "fields": {"segment": "B2C"}}]""";

    @Test
    void badRecordsAreRefusedNamingEachFieldInTheReadersLanguageAndNothingIsStored() throws Exception {
        var id = inProgress("ACCESS", email());
        var crm = task(id, "crm");
        var fields = List.of(
                "records[0].category",
                "records[0].source",
                "records[0].fields",
                "records[1]",
                "records[2].source",
                "records[2].fields",
                "records[3].fields");
        complete(id, crm, "{\"outcome\": \"FOUND\", \"records\": " + BAD + "}", "fr")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(fields.toArray())))
                .andExpect(jsonPath("$.errors[0].message").value("est obligatoire"))
                .andExpect(jsonPath("$.errors[2].message").value(Matchers.containsString("au moins un champ")))
                .andExpect(jsonPath("$.errors[4].message").value(Matchers.containsString("[organization, person]")));
        complete(id, crm, "{\"outcome\": \"FOUND\", \"records\": " + BAD + "}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(fields.toArray())))
                .andExpect(jsonPath("$.errors[0].message").value("is required"))
                .andExpect(jsonPath("$.errors[2].message").value(Matchers.containsString("at least one field")));

        assertThat(tasksJson(id).stream().filter(t -> "crm".equals(t.get("systemId"))))
                .singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("OPEN"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_task WHERE request_id = ? AND records IS NOT NULL")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void moreRecordsThanATaskKeepsAreRefusedOnRecordsAndRecordsOnlyComeWithFound() throws Exception {
        var id = inProgress("ACCESS", email());
        var crm = task(id, "crm");
        var tooMany = "[" + String.join(",", java.util.Collections.nCopies(TaskFindings.MAX_RECORDS + 1, "{}")) + "]";
        complete(id, crm, "{\"outcome\": \"FOUND\", \"records\": " + tooMany + "}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("records")))
                .andExpect(jsonPath("$.errors[0].message").value("has too many records (at most 20000)"));
        complete(id, crm, """
                        {"outcome": "NOT_FOUND", "records": [
                          {"category": "contact", "source": "person", "fields": {"phone": "+1 418 555 0123"}}]}""", "fr")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("outcome")));
        assertThat(tasksJson(id)).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("OPEN"));
    }

    @Test
    void aRecordStoredBeforeTheRulesWithoutFieldsStillGivesTheLetterAndThePackage() throws Exception {
        var email = email();
        var id = inProgress("ACCESS", email);
        jdbc.sql("UPDATE requests_task SET status = 'DONE', outcome = 'FOUND', completed_at = CURRENT_TIMESTAMP,"
                        + " records = ? WHERE request_id = ? AND system_id = 'crm'")
                .params("""
                        [{"category": "contact", "source": "person", "fields": null},
                         {"category": "contact", "source": "person", "fields": {"phone": "+1 418 555 0199"}}]""", id)
                .update();
        completeTasks(id, null);
        draft(id, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff))
                .andExpect(status().isOk());

        var files = downloaded(id);
        assertThat(new String(files.get("data.json"), StandardCharsets.UTF_8)).contains("+1 418 555 0199");
        assertThat(new String(files.get("letter.html"), StandardCharsets.UTF_8)).contains("+1 418 555 0199");
    }

    @Test
    void aTaskNobodyTookCompletedWithAProgramsTokenBecomesTheTokensAccounts() throws Exception {
        var id = inProgress("ACCESS", email());
        var crm = task(id, "crm");
        var clerk = person(ca.gardien.organization.Role.STAFF);
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + crm + "/complete")
                        .header("Authorization", bearerFor(clerk.id(), ca.gardien.organization.Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"NOT_FOUND\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(clerk.id().toString()));
    }

    /** Attacker's review: staff2 did staff1's task and the console credited staff1; the one who did it is credited. */
    @Test
    void aTaskCompletedByAnotherAccountThanItsAssigneeIsCreditedToTheAccountThatDidIt() throws Exception {
        var id = inProgress("ACCESS", email());
        var crm = task(id, "crm");
        var assigned = person(ca.gardien.organization.Role.STAFF);
        var other = person(ca.gardien.organization.Role.STAFF);
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + crm + "/assign")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": \"" + assigned.id() + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + crm + "/complete")
                        .header("Authorization", bearerFor(other.id(), ca.gardien.organization.Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"NOT_FOUND\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(other.id().toString()));
    }

    private ResultActions complete(UUID id, String task, String body, String language) throws Exception {
        return mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + task + "/complete")
                .header("Authorization", staff)
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String task(UUID id, String system) throws Exception {
        return tasksJson(id).stream()
                .filter(t -> system.equals(t.get("systemId")))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElseThrow();
    }
}
