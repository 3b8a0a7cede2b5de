package ca.gardien.requests;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskAutomationTest extends RequestsTestSupport {

    @Test
    void aConnectorCompletesTheTasksOfItsSystemAndStaffKeepTheOthers() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "CONSENT_WITHDRAWAL", "QC", "subscriber");
        verify(id, "EMAIL", lastCode(id, "requests.code"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var body = mvc.perform(
                                    get("/api/v1/requests/" + id + "/tasks").header("Authorization", staff))
                            .andReturn()
                            .getResponse()
                            .getContentAsString();
                    List<String> done = JsonPath.read(body, "$[?(@.status == 'DONE')].systemId");
                    List<String> open = JsonPath.read(body, "$[?(@.status == 'OPEN')].systemId");
                    return done.equals(List.of("newsletter-service")) && open.equals(List.of("crm"));
                });
        awaitLedgerEntry(
                "requests.task-completed", e -> String.valueOf(e.get("actor")).contains("connector:newsletter"));
    }
}
