package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What the attacker's probe of 2026-12-05 found through the API: an approval of a text the approver never read, views
 * in clear that left no fact, tasks given to anyone (an auditor, a made-up id, after they were done) and requests that
 * claimed to come through the public form.
 */
class RequestApiGuardsTest extends RequestsTestSupport {

    private static final String OFFICER_ROLE = "PRIVACY_OFFICER";

    private UUID drafted() throws Exception {
        var id = inProgress("ACCESS", email());
        completeTasks(id, null);
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Nous ne détenons rien.\"}")
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void anApprovalNamesTheAnswerItReadAndAnAnswerEditedSinceIsAConflict() throws Exception {
        var id = drafted();
        var etag = mvc.perform(get("/api/v1/requests/" + id + "/response").header("Authorization", staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(etag).isNotBlank();
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Texte remplacé.\"}")
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/requests/" + id + "/approve")
                        .header("Authorization", bearer(Role.valueOf(OFFICER_ROLE)))
                        .header("If-Match", etag))
                .andExpect(status().isConflict());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        var current = mvc.perform(get("/api/v1/requests/" + id + "/response").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(post("/api/v1/requests/" + id + "/approve")
                        .header("Authorization", bearer(Role.valueOf(OFFICER_ROLE)))
                        .header("If-Match", current))
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    /** Attacker's probe: an If-Match that is no entity tag was read loosely (quotes and W/ stripped anywhere). */
    @Test
    void anApprovalsIfMatchThatIsNoEntityTagIsA400NamingTheHeaderAndAListNamingTheAnswerApproves() throws Exception {
        var id = drafted();
        var officer = bearer(Role.valueOf(OFFICER_ROLE));
        for (var garbage : new String[] {"garbage", "", "\"unclosed", "*, \"x\""}) {
            mvc.perform(post("/api/v1/requests/" + id + "/approve")
                            .header("Authorization", officer)
                            .header("If-Match", garbage))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }
        var unquoted = mvc.perform(get("/api/v1/requests/" + id + "/response").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getHeader("ETag")
                .replace("\"", "");
        mvc.perform(post("/api/v1/requests/" + id + "/approve")
                        .header("Authorization", officer)
                        .header("If-Match", unquoted))
                .andExpect(status().isBadRequest());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        mvc.perform(post("/api/v1/requests/" + id + "/approve")
                        .header("Authorization", officer)
                        .header("If-Match", "\"an-older-answer\", W/\"" + unquoted + "\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void readingARequestInClearThroughTheApiIsAFactAsInTheConsole() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(status().isOk());
        var fact = awaitLedgerEntry("requests.identifiers-viewed", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("EMAIL").doesNotContain("@example.test");
    }

    @Test
    void aTaskGoesOnlyToSomeoneWhoWorksRequestsAndNeverOnceItIsDone() throws Exception {
        var id = inProgress("ACCESS", email());
        var task = tasksJson(id).getFirst().get("id");
        var auditor = person(Role.AUDITOR);
        for (var nobody : new UUID[] {auditor.id(), UUID.randomUUID()}) {
            assign(id, task, nobody)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        }
        var worker = person(Role.STAFF);
        assign(id, task, worker.id()).andExpect(status().isOk());
        completeTasks(id, null); // done by the test's staff account: credited to it, the one who did it
        var credited = tasksJson(id).getFirst().get("assignee");
        assertThat(credited).isNotNull().isNotEqualTo(worker.id().toString());
        assign(id, task, person(Role.STAFF).id()).andExpect(status().isConflict());
        assertThat(tasksJson(id).getFirst().get("assignee")).isEqualTo(credited);
    }

    @Test
    void aCancelledRequestsOpenTasksAreNoLongerHandedOut() throws Exception {
        var id = inProgress("ACCESS", email());
        var task = tasksJson(id).getFirst().get("id");
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(status().isOk());
        assign(id, task, person(Role.STAFF).id())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("n’est plus ouverte")));
        assertThat(tasksJson(id).getFirst().get("assignee")).isNull();
    }

    private org.springframework.test.web.servlet.ResultActions assign(UUID id, Object task, UUID assignee)
            throws Exception {
        return mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + task + "/assign")
                .header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignee\": \"" + assignee + "\"}"));
    }

    @Test
    void noApiClientSaysARequestCameThroughThePublicForm() throws Exception {
        submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "PORTAL"}""".formatted(email()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("API"));
        // staff enter what came by post or by phone; the other channels are not theirs to enter
        var entered = new NewRequest(
                "ACCESS", new NewRequest.Subject(email(), null, null), "QC", "API", "fr", null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> intake.enter(entered, null, ca.gardien.shared.Actor.SYSTEM))
                .isInstanceOf(ca.gardien.shared.InvalidInputException.class)
                .satisfies(e -> assertThat(((ca.gardien.shared.InvalidInputException) e)
                                .errors()
                                .getFirst()
                                .field())
                        .isEqualTo("channel"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    RequestIntake intake;

    @org.springframework.beans.factory.annotation.Autowired
    Requests requests;
}
