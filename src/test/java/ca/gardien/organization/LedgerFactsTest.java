package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Account, token, role and profile changes made through the API become ledger facts, attributed to the token or
 * account that made them and free of personal information. Runs on PostgreSQL too ({@code LedgerFactsPostgresTest}).
 */
class LedgerFactsTest extends WebTestSupport {

    private String officer;
    private String officerTokenId;

    /** The person in charge gets a token the documented way: HTTP Basic at the token endpoint. */
    @BeforeEach
    void issueOfficerToken() throws Exception {
        var body = mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(OFFICER, OFFICER_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ledger-facts\",\"roles\":[\"PRIVACY_OFFICER\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        officer = "Bearer " + JsonPath.read(body, "$.token");
        officerTokenId = JsonPath.read(body, "$.id");
    }

    private String createAccount(String username, String displayName, String role) throws Exception {
        var body = mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"initial-password-1","roles":["%s"]}""".formatted(username, displayName, role)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static Map<String, Object> payload(Map<String, Object> entry) {
        return JsonPath.parse((String) entry.get("payload")).read("$");
    }

    @Test
    void issuingATokenIsALedgerFact() {
        var entry = awaitLedgerEntry("token.issued", officerTokenId);

        assertThat(actorKind(entry)).isEqualTo("ACCOUNT");
        assertThat(actorId(entry)).isEqualTo(officerId().toString());
        assertThat(entry.get("objectType")).isEqualTo("api-token");
        assertThat(payload(entry))
                .containsEntry("account", officerId().toString())
                .containsEntry("roles", "PRIVACY_OFFICER");
        assertThat((String) entry.get("payload")).doesNotContain("gdn_");
    }

    @Test
    void creatingAnAccountIsALedgerFactWithoutPersonalInformation() throws Exception {
        var username = unique("fact");
        var id = createAccount(username, "Rosalie Synthétique", "DELEGATE");

        var entry = awaitLedgerEntry("account.created", id);

        assertThat(actorKind(entry)).isEqualTo("TOKEN");
        assertThat(actorId(entry)).isEqualTo(officerTokenId);
        assertThat(entry.get("objectType")).isEqualTo("account");
        assertThat(payload(entry)).containsEntry("roles", "DELEGATE");
        assertThat(entry.toString()).doesNotContain(username).doesNotContain("Rosalie");
    }

    @Test
    void changingRolesIsALedgerFactNamingBothRoleSets() throws Exception {
        var id = createAccount(unique("roles"), "R", "STAFF");

        mvc.perform(put("/api/v1/accounts/{id}/roles", id)
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"DELEGATE\",\"STAFF\"]}"))
                .andExpect(status().isOk());

        var entry = awaitLedgerEntry("account.roles-changed", id);
        assertThat(actorId(entry)).isEqualTo(officerTokenId);
        assertThat(payload(entry)).containsEntry("from", "STAFF").containsEntry("to", "DELEGATE,STAFF");
    }

    @Test
    void disablingAndEnablingAnAccountAreLedgerFacts() throws Exception {
        var id = createAccount(unique("toggle"), "T", "STAFF");

        mvc.perform(post("/api/v1/accounts/{id}/disable", id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/accounts/{id}/enable", id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk());

        assertThat(awaitLedgerEntry("account.disabled", id)).isNotNull();
        assertThat(awaitLedgerEntry("account.enabled", id)).isNotNull();
    }

    @Test
    void revokingATokenIsALedgerFact() throws Exception {
        var issued = issue(officerId(), Role.PRIVACY_OFFICER);

        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isNoContent());

        var entry = awaitLedgerEntry("token.revoked", issued.token().id());
        assertThat(actorKind(entry)).isEqualTo("TOKEN");
        assertThat(actorId(entry)).isEqualTo(officerTokenId);
    }

    @Test
    void updatingTheProfileIsALedgerFact() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson(unique("Fact Org"), "Fact Person", "fact@example.test", "Fact Acting")))
                .andExpect(status().isOk());

        var entry = awaitLedgerEntry("organization.profile-updated", e -> officerTokenId.equals(actorId(e)));
        assertThat(payload(entry)).containsKey("sha256").containsEntry("actingDesignated", "true");
        assertThat((String) entry.get("payload")).doesNotContain("fact@example.test");
    }

    @Test
    void theChainStaysVerifiableAfterTheChanges() throws Exception {
        var id = createAccount(unique("chain"), "C", "AUDITOR");
        awaitLedgerEntry("account.created", id);

        mvc.perform(get("/api/v1/ledger/verify").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }
}
