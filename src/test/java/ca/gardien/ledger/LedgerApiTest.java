package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Reading, paging, verifying and exporting the evidence ledger through {@code /api/v1/ledger}. */
class LedgerApiTest extends WebTestSupport {

    @Test
    void pagesThroughEntriesOldestFirst() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ledgerEntries(auditor).size() >= 2);

        var body = mvc.perform(
                        get("/api/v1/ledger/entries").param("limit", "1").header(HttpHeaders.AUTHORIZATION, auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].sequence").value(1))
                .andExpect(jsonPath("$.entries[0].hash").isString())
                .andExpect(jsonPath("$.nextAfter").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String firstHash = JsonPath.read(body, "$.entries[0].hash");

        mvc.perform(get("/api/v1/ledger/entries")
                        .param("after", "1")
                        .param("limit", "1")
                        .header(HttpHeaders.AUTHORIZATION, auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].sequence").value(2))
                .andExpect(jsonPath("$.entries[0].prevHash").value(firstHash));
    }

    @Test
    void rejectsPagingParametersOutOfRange() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        for (var limit : List.of("0", "1001", "-5", "lots")) {
            mvc.perform(get("/api/v1/ledger/entries").param("limit", limit).header(HttpHeaders.AUTHORIZATION, auditor))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        mvc.perform(get("/api/v1/ledger/entries").param("after", "-1").header(HttpHeaders.AUTHORIZATION, auditor))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    @Test
    void verifiesTheWholeChain() throws Exception {
        mvc.perform(get("/api/v1/ledger/verify").header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.headHash").isString());
    }

    @Test
    void exportsTheLedgerAsJsonLines() throws Exception {
        var started = mvc.perform(get("/api/v1/ledger/export").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(request().asyncStarted())
                .andReturn();

        var export = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/jsonl"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(export.lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{"));
    }

    @Test
    void publishesThePublicKeyAsPem() throws Exception {
        mvc.perform(get("/api/v1/ledger/public-key").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("-----BEGIN PUBLIC KEY-----")));
    }

    @Test
    void refusesTheLedgerToStaffAndToAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/ledger/entries").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/ledger/entries")).andExpect(problem(401, "unauthenticated"));
        mvc.perform(get("/api/v1/ledger/verify").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/ledger/verify")).andExpect(problem(401, "unauthenticated"));
    }
}
