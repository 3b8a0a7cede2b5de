package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issuing, using, listing and revoking API tokens through {@code /api/v1/tokens}. */
class ApiTokensTest extends WebTestSupport {

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder issueRequest(String json) {
        return post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private String issueWithBasic(String username, String password, String name, String roles) throws Exception {
        var body = mvc.perform(issueRequest("{\"name\":\"%s\",\"roles\":[%s]}".formatted(name, roles))
                        .with(httpBasic(username, password)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    @Test
    void issuesATokenToAnAccountSignedInWithHttpBasic() throws Exception {
        var name = unique("ci");
        mvc.perform(issueRequest("{\"name\":\"" + name + "\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                        .with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.token").value(startsWith("gdn_")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.roles[0]").value("PRIVACY_OFFICER"))
                .andExpect(jsonPath("$.createdAt").isString());
    }

    @Test
    void theIssuedTokenAuthenticatesApiCalls() throws Exception {
        var token = issueWithBasic(OFFICER, OFFICER_PASSWORD, unique("ci"), "\"PRIVACY_OFFICER\"");

        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(OFFICER)));
    }

    @Test
    void refusesTokenWithRolesBeyondTheCallers() throws Exception {
        var staff = person(Role.STAFF);

        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                        .with(httpBasic(staff.username(), staff.password())))
                .andExpect(problem(403, "forbidden"));

        assertThat(tokens.ofAccount(staff.id())).isEmpty();
    }

    @Test
    void aBearerTokenCannotMintATokenWithMoreRolesThanItCarries() throws Exception {
        var person = person(Role.PRIVACY_OFFICER, Role.AUDITOR);
        var auditorToken = bearerFor(person.id(), Role.AUDITOR);

        mvc.perform(issueRequest("{\"name\":\"escalate\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                        .header(HttpHeaders.AUTHORIZATION, auditorToken))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(issueRequest("{\"name\":\"narrow\",\"roles\":[\"AUDITOR\"]}")
                        .header(HttpHeaders.AUTHORIZATION, auditorToken))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
    }

    @Test
    void anAuditorMayIssueAReadOnlyTokenForItself() throws Exception {
        var auditor = person(Role.AUDITOR);

        var token = issueWithBasic(auditor.username(), auditor.password(), "read-only", "\"AUDITOR\"");

        mvc.perform(get("/api/v1/ledger/verify").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void refusesToIssueWithoutCredentials() throws Exception {
        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"STAFF\"]}"))
                .andExpect(problem(401, "unauthenticated"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")));
    }

    @Test
    void refusesToIssueWithAWrongPassword() throws Exception {
        var staff = person(Role.STAFF);

        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"STAFF\"]}")
                        .with(httpBasic(staff.username(), "not-the-password")))
                .andExpect(problem(401, "unauthenticated"));
        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"STAFF\"]}").with(httpBasic("nobody-here", "x")))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void refusesToIssueToAHolderOfAOneTimePassword() throws Exception {
        var newcomer = newcomer(Role.STAFF);

        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"STAFF\"]}")
                        .with(httpBasic(newcomer.username(), newcomer.password())))
                .andExpect(problem(403, "password-change-required"));
        assertThat(tokens.ofAccount(newcomer.id())).isEmpty();
    }

    @Test
    void rejectsATokenRequestWithABlankNameOrNoRoles() throws Exception {
        mvc.perform(issueRequest("{\"name\":\"  \",\"roles\":[]}").with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
    }

    @Test
    void rejectsATokenNameWithCharactersOutsideTheAllowedSet() throws Exception {
        mvc.perform(issueRequest("{\"name\":\"ci<script>\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                        .with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void rejectsAnUnknownRoleNamingTheField() throws Exception {
        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[\"EMPEROR\"]}")
                        .with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.errors[0].field", startsWith("roles")))
                .andExpect(content().string(not(containsString("EMPEROR"))));
    }

    @Test
    void rejectsANullRoleNamingTheField() throws Exception {
        mvc.perform(issueRequest("{\"name\":\"ci\",\"roles\":[null]}").with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.errors[0].field", startsWith("roles")));
    }

    @Test
    void showsTheSecretOnlyOnce() throws Exception {
        var staff = person(Role.STAFF);
        var secret = issueWithBasic(staff.username(), staff.password(), "once", "\"STAFF\"");

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("once"))
                .andExpect(jsonPath("$[0].prefix").value(secret.substring(0, 10)))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void storesOnlyADigestOfTheSecret() throws Exception {
        var secret = issueWithBasic(OFFICER, OFFICER_PASSWORD, unique("digest"), "\"PRIVACY_OFFICER\"");
        var sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));

        var row = jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?")
                .params(sha256)
                .query()
                .singleRow();

        assertThat(row.values()).noneMatch(v -> v != null && String.valueOf(v).contains(secret));
    }

    @Test
    void listsOnlyTheCallersOwnTokens() throws Exception {
        var mine = person(Role.STAFF);
        var theirs = person(Role.STAFF);
        issue(theirs.id(), Role.STAFF);

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearerFor(mine.id(), Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void recordsTheLastUseOfAToken() throws Exception {
        var staff = person(Role.STAFF);
        var issued = issue(staff.id(), Role.STAFF);
        assertThat(tokens.byId(issued.token().id()).orElseThrow().lastUsedAt()).isNull();

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].lastUsedAt").value(not(nullValue())));

        assertThat(tokens.byId(issued.token().id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        var staff = person(Role.STAFF);
        var issued = issue(staff.id(), Role.STAFF);
        var bearer = "Bearer " + issued.secret();
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id()).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
        assertThat(tokens.byId(issued.token().id()).orElseThrow().revokedAt()).isNotNull();
    }

    @Test
    void aTokenJustUsedStopsWorkingAtOnceWhenItsAccountIsDisabledOrLosesTheRole() throws Exception {
        var staff = person(Role.STAFF);
        var bearer = "Bearer " + issue(staff.id(), Role.STAFF).secret();
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()); // now in the introspection cache

        mvc.perform(post("/api/v1/accounts/{id}/disable", staff.id())
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void onlyThePersonInChargeMayRevokeSomeoneElsesToken() throws Exception {
        var owner = person(Role.STAFF);
        var issued = issue(owner.id(), Role.STAFF);

        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
        assertThat(tokens.byId(issued.token().id()).orElseThrow().active()).isTrue();

        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id())
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isNoContent());
        assertThat(tokens.byId(issued.token().id()).orElseThrow().active()).isFalse();
    }

    @Test
    void revokingAnUnknownOrAlreadyRevokedTokenIsNotFound() throws Exception {
        var officer = officerBearer();
        mvc.perform(delete("/api/v1/tokens/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));

        var issued = issue(officerId(), Role.PRIVACY_OFFICER);
        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/tokens/{id}", issued.token().id()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void rejectsATokenIdThatIsNotAUuid() throws Exception {
        mvc.perform(delete("/api/v1/tokens/not-a-uuid").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void tokensOfADisabledAccountAreRefused() throws Exception {
        var staff = person(Role.STAFF);
        var bearer = bearerFor(staff.id(), Role.STAFF);
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/accounts/{id}/disable", staff.id())
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void aTokenLosesTheRolesTakenFromItsAccount() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        var bearer = bearerFor(person.id(), Role.PRIVACY_OFFICER);
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        mvc.perform(put("/api/v1/accounts/{id}/roles", person.id())
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"STAFF\"]}"))
                .andExpect(status().isOk());

        // the token held only that role: it opens nothing now, not even what any signed-in caller may read
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
        mvc.perform(get("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }
}
