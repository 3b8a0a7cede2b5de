package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The ledger names the person in charge's records by their kind, whom and when, and an API token by its name
 * (officer's review: "Jeton d'API 3802f7ea-…", and every record of the person in charge read "Désignation").
 */
class LedgerRecordNamesTest extends WebTestSupport {

    private String created(String path, String json) throws Exception {
        var body = mvc.perform(post(path)
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String ledger(String object) throws Exception {
        var auditor = person(Role.AUDITOR);
        return mvc.perform(get("/console/ledger")
                        .param("object", object)
                        .param("lang", "fr")
                        .session(login(auditor.username(), auditor.password())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDelegationAnAbsenceAndATokenAreNamedInWordsNotByTheirIds() throws Exception {
        var delegation = created("/api/v1/governance/person-in-charge/delegations", """
                {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"WHOLE",
                 "startsOn":"2026-02-01","documentSha256":"%s"}""".formatted("c".repeat(64)));
        var absence = created("/api/v1/governance/person-in-charge/absences", """
                {"startsOn":"2031-07-01","endsOn":"2031-07-15"}""");
        var token = created("/api/v1/tokens", """
                {"name":"Intégration synthétique","roles":["PRIVACY_OFFICER"]}""");
        for (var id : java.util.List.of(delegation, absence, token)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !ledger(id).contains("ledger-empty"));
            assertThat(ledger(id)).doesNotContain(">" + id + "<");
        }

        assertThat(ledger(delegation))
                .contains("délégation écrite à Dana Exemple, à partir du 2026-02-01")
                .contains("href=\"/console/governance/person-in-charge\"");
        assertThat(ledger(absence)).contains("absence du 2031-07-01 au 2031-07-15");
        assertThat(ledger(token)).contains("«\u202fIntégration synthétique\u202f»");
    }
}
