package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every password sign-in, at the login form or by HTTP Basic at the token endpoint, is a ledger fact, failed or not:
 * the method and the account, never the password, and never a typed username that names no account.
 */
class SignInFactsTest extends WebTestSupport {

    private final Instant started = Instant.now();

    private static Map<String, Object> payload(Map<String, Object> entry) {
        return JsonPath.parse((String) entry.get("payload")).read("$");
    }

    private Map<String, Object> fact(String action, Object objectId, String method) {
        return awaitLedgerEntry(
                action,
                e -> String.valueOf(objectId).equals(e.get("objectId"))
                        && method.equals(payload(e).get("method"))
                        && !Instant.parse((String) e.get("occurredAt")).isBefore(started));
    }

    private void formLogin(String username, String password, String expected) throws Exception {
        mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl(expected));
    }

    @Test
    void aSignInAtTheLoginFormIsAFactOfTheAccount() throws Exception {
        var person = person(Role.STAFF);

        login(person.username(), person.password());

        var fact = fact("account.signed-in", person.id(), "form");
        assertThat(actorId(fact)).isEqualTo(person.id().toString());
        assertThat(fact.get("objectType")).isEqualTo("account");
        assertThat(fact.toString()).doesNotContain(person.password()).doesNotContain(person.username());
    }

    @Test
    void aWrongPasswordIsAFailedSignInOfTheAccountWithoutThePassword() throws Exception {
        var person = person(Role.STAFF);
        var typed = "wrong-" + UUID.randomUUID();

        formLogin(person.username(), typed, "/login?error");

        var fact = fact("account.sign-in-failed", person.id(), "form");
        assertThat(payload(fact)).containsEntry("reason", "bad-credentials");
        assertThat(actorKind(fact)).isEqualTo("SYSTEM");
        assertThat(fact.toString()).doesNotContain(typed);
    }

    /** Officer's review (2026-12-07): after a refused sign-in the form came back with the user name emptied. */
    @Test
    void aRefusedSignInComesBackWithTheUserNameTypedNeverThePassword() throws Exception {
        var person = person(Role.STAFF);
        var typed = "wrong-" + UUID.randomUUID();
        var session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .param("username", person.username())
                        .param("password", typed)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        var page = mvc.perform(get("/login").param("error", "").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("value=\"" + person.username() + "\"")
                .doesNotContain(typed)
                .containsPattern("id=\"password\"[^>]*autofocus");
        assertThat(mvc.perform(get("/login").param("error", "").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("taken once")
                .doesNotContain("value=\"" + person.username() + "\"");
    }

    @Test
    void aUsernameThatNamesNoAccountIsRecordedAsAnUnknownAccountOnly() throws Exception {
        var typed = "maybe-a-password-" + UUID.randomUUID();

        formLogin(typed, "whatever-" + typed, "/login?error");

        var fact = awaitLedgerEntry(
                "account.sign-in-failed",
                e -> "unknown-account".equals(e.get("objectId"))
                        && !Instant.parse((String) e.get("occurredAt")).isBefore(started));
        assertThat(fact.get("objectType")).isEqualTo("sign-in");
        assertThat(payload(fact)).containsEntry("reason", "bad-credentials").containsEntry("method", "form");
        assertThat(ledgerEntries(officerBearer()).toString()).doesNotContain(typed);
    }

    @Test
    void aLockedAccountsSignInIsRecordedAsRefusedForTheLock() throws Exception {
        var person = person(Role.STAFF);
        for (int i = 0; i < 5; i++) {
            formLogin(person.username(), "wrong-" + i, "/login?error");
        }

        formLogin(person.username(), person.password(), "/login?error");

        awaitLedgerEntry(
                "account.sign-in-failed",
                e -> person.id().toString().equals(e.get("objectId"))
                        && "locked".equals(payload(e).get("reason")));
    }

    @Test
    void httpBasicAtTheTokenEndpointIsASignInToo() throws Exception {
        var person = person(Role.AUDITOR);

        mvc.perform(get("/api/v1/tokens").with(httpBasic(person.username(), person.password())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/tokens").with(httpBasic(person.username(), "not-" + person.password())))
                .andExpect(status().isUnauthorized());

        assertThat(payload(fact("account.signed-in", person.id(), "basic"))).containsEntry("method", "basic");
        var failed = fact("account.sign-in-failed", person.id(), "basic");
        assertThat(payload(failed)).containsEntry("reason", "bad-credentials");
        assertThat(failed.toString()).doesNotContain(person.password());
    }

    @Test
    void aBearerTokenIsNotASignIn() throws Exception {
        var person = person(Role.AUDITOR);
        var token = bearerFor(person.id(), Role.AUDITOR);

        mvc.perform(get("/api/v1/tokens").header("Authorization", token)).andExpect(status().isOk());
        login(person.username(), person.password());

        fact("account.signed-in", person.id(), "form");
        assertThat(ledgerEntries(officerBearer()))
                .filteredOn(e -> "account.signed-in".equals(e.get("action"))
                        && person.id().toString().equals(e.get("objectId")))
                .hasSize(1);
        assertThat(ledgerEntries(officerBearer()).toString()).doesNotContain(token.substring(7));
    }
}
