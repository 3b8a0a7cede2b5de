package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.Duration;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * An open console session follows its account: disabling, demoting or changing the password of the account ends it on
 * its next request, on this node at once and, for a change made on another node (simulated by writing the database
 * directly, past this node's caches), within {@code token-cache-for}. API tokens follow the account the same way.
 */
@Import(SteppedClock.Configuration.class)
class SessionsFollowAccountsTest extends WebTestSupport {

    @Autowired
    SteppedClock clock;

    @Autowired
    JdbcClient jdbc;

    private void assertEnded(MockHttpSession session) throws Exception {
        assertThat(session.isInvalid()).as("the session was invalidated").isTrue();
    }

    @Test
    void aDisabledAccountsOpenSessionIsLoggedOutOnItsNextConsoleRequest() throws Exception {
        var staff = person(Role.STAFF);
        var session = login(staff.username(), staff.password());
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());

        accounts.setEnabled(staff.id(), false, Actor.account(officerId()));

        mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "after-disable")
                        .param("roles", "STAFF"))
                .andExpect(redirectedUrl("/login?expired"));
        assertEnded(session);
        assertThat(tokens.ofAccount(staff.id())).isEmpty();
        awaitLedgerEntry("account.session-ended", staff.id());
        mvc.perform(get("/login").param("expired", ""))
                .andExpect(content().string(Matchers.containsString("Votre session a pris fin")));
    }

    @Test
    void aDemotedDelegatesSessionCannotTestAConnectorAnyMore() throws Exception {
        var delegate = person(Role.DELEGATE);
        var session = login(delegate.username(), delegate.password());
        mvc.perform(get("/console/connectors").session(session)).andExpect(status().isOk());

        accounts.changeRoles(delegate.id(), Set.of(Role.AUDITOR), Actor.account(officerId()));

        mvc.perform(post("/console/connectors/crm/test").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login?expired"));
        assertEnded(session);
    }

    @Test
    void aDemotedOfficersSessionCannotCreateAccountsAnyMore() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(get("/console/accounts").session(session)).andExpect(status().isOk());

        accounts.changeRoles(officer.id(), Set.of(Role.AUDITOR), Actor.account(officerId()));
        var username = unique("created");

        mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Should not exist")
                        .param("password", "a-long-enough-password")
                        .param("roles", "PRIVACY_OFFICER"))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(accounts.byUsername(username)).isEmpty();
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() throws Exception {
        var person = person(Role.AUDITOR);
        var here = login(person.username(), person.password());
        var elsewhere = login(person.username(), person.password());
        var chosen = ca.gardien.support.TestPasswords.fresh("another-long-passphrase");

        mvc.perform(post("/console/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", chosen)
                        .param("confirmPassword", chosen))
                .andExpect(redirectedUrl("/login?changed"));

        mvc.perform(get("/console").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
        assertEnded(elsewhere);
        mvc.perform(get("/console").session(login(person.username(), chosen))).andExpect(status().isOk());
    }

    @Test
    void aPasswordChangedOnAnotherNodeEndsTheSessionHereWithinTheCachePeriod() throws Exception {
        var person = person(Role.AUDITOR);
        var session = login(person.username(), person.password());
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());

        // another node changed the password: this node's caches were not told
        jdbc.sql("UPDATE account SET password_hash = ?, version = version + 1 WHERE id = ?")
                .params("$argon2id$v=19$m=16384,t=2,p=1$other$other", person.id())
                .update();

        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(5));
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertEnded(session);
    }

    @Test
    void anAccountDisabledOnAnotherNodeLosesItsSessionsAndTokensWithinTheCachePeriod() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());
        var bearer = bearerFor(person.id(), Role.STAFF);
        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        jdbc.sql("UPDATE account SET enabled = FALSE, version = version + 1 WHERE id = ?")
                .params(person.id())
                .update();
        clock.advance(Duration.ofSeconds(5));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void aDisabledAccountsTokensStopAtOnceOnThisNode() throws Exception {
        var person = person(Role.STAFF);
        var bearer = bearerFor(person.id(), Role.STAFF);
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        accounts.setEnabled(person.id(), false, Actor.account(officerId()));

        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void aTokenWhoseRolesItsAccountNoLongerHoldsOpensNothing() throws Exception {
        var person = person(Role.PRIVACY_OFFICER, Role.STAFF);
        var bearer = bearerFor(person.id(), Role.STAFF);
        mvc.perform(get("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());

        accounts.changeRoles(person.id(), java.util.Set.of(Role.PRIVACY_OFFICER), Actor.account(officerId()));

        mvc.perform(get("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void unrelatedChangesLeaveTheSessionOpen() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        accounts.setLocale(person.id(), "en");
        mvc.perform(post("/login")
                        .param("username", person.username())
                        .param("password", "wrong")
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/login?error*"));
        clock.advance(Duration.ofSeconds(5));

        mvc.perform(get("/console").session(session)).andExpect(status().isOk());
    }
}
