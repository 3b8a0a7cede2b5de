package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Password guessing is throttled: five failures in a row lock the account for fifteen minutes. */
class LoginThrottlingTest extends WebTestSupport {

    private ResultActions formLogin(String username, String password) throws Exception {
        return mvc.perform(post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf()));
    }

    private ResultActions basicLogin(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/tokens").with(httpBasic(username, password)));
    }

    private void failFormLogins(Person person, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            formLogin(person.username(), "wrong-password-" + i).andExpect(redirectedUrl("/login?error"));
        }
    }

    @Test
    void locksTheAccountForFifteenMinutesAfterFiveFailures() throws Exception {
        var person = person(Role.STAFF);

        failFormLogins(person, 5);

        var account = accounts.byId(person.id());
        assertThat(account.isLocked(Instant.now())).isTrue();
        assertThat(account.lockedUntil())
                .isCloseTo(Instant.now().plus(15, ChronoUnit.MINUTES), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void refusesTheCorrectPasswordWhileLocked() throws Exception {
        var person = person(Role.STAFF);
        failFormLogins(person, 5);

        formLogin(person.username(), person.password()).andExpect(redirectedUrl("/login?error"));
        basicLogin(person.username(), person.password()).andExpect(problem(401, "unauthenticated"));
        mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(person.username(), person.password()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"roles\":[\"STAFF\"]}"))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void letsTheCorrectPasswordInBeforeTheFifthFailure() throws Exception {
        var person = person(Role.STAFF);
        failFormLogins(person, 4);

        formLogin(person.username(), person.password()).andExpect(redirectedUrl("/console"));
        assertThat(accounts.byId(person.id()).isLocked(Instant.now())).isFalse();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() throws Exception {
        var person = person(Role.STAFF);
        failFormLogins(person, 4);
        basicLogin(person.username(), person.password()).andExpect(status().isOk());

        assertThat(accounts.byId(person.id()).failedAttempts()).isZero();
        failFormLogins(person, 4);
        formLogin(person.username(), person.password()).andExpect(redirectedUrl("/console"));
    }

    @Test
    void countsFailuresOfHttpBasicAndFormLoginTogether() throws Exception {
        var person = person(Role.STAFF);

        failFormLogins(person, 3);
        basicLogin(person.username(), "wrong-1").andExpect(problem(401, "unauthenticated"));
        basicLogin(person.username(), "wrong-2").andExpect(problem(401, "unauthenticated"));

        basicLogin(person.username(), person.password()).andExpect(problem(401, "unauthenticated"));
        assertThat(accounts.byId(person.id()).isLocked(Instant.now())).isTrue();
    }

    @Test
    void recordsTheLockInTheLedger() throws Exception {
        var person = person(Role.STAFF);

        failFormLogins(person, 5);

        var entry = awaitLedgerEntry("account.locked", person.id());
        assertThat(actorKind(entry)).isEqualTo("SYSTEM");
        assertThat((String) entry.get("payload")).contains("until").doesNotContain(person.username());
    }

    @Test
    void failuresForAnUnknownUsernameLookLikeAnyOtherFailure() throws Exception {
        formLogin("nobody-" + unique("x"), "whatever-password").andExpect(redirectedUrl("/login?error"));
        basicLogin("nobody-" + unique("x"), "whatever-password").andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void locksOneAccountWithoutTouchingOthers() throws Exception {
        var victim = person(Role.STAFF);
        var bystander = person(Role.STAFF);

        failFormLogins(victim, 5);

        formLogin(bystander.username(), bystander.password()).andExpect(redirectedUrl("/console"));
    }
}
