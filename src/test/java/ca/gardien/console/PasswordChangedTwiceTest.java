package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.support.AtOnce;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Attacker's review (2026-12-07): the password form sent three times at once from one session (a double click) changed
 * the password once and answered the other two with a 500 — the first one's sign-out emptied the security context the
 * session's other requests share, and the error page asked it whether anyone was signed in.
 */
class PasswordChangedTwiceTest extends WebTestSupport {

    @Test
    void aPasswordChangeSentThreeTimesAtOnceSendsEachToSignInAgainNeverA500() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());
        var chosen = TestPasswords.fresh("twice");
        var responses = AtOnce.results(
                3,
                n -> mvc.perform(post("/console/password")
                                .session(session)
                                .with(csrf())
                                .param("currentPassword", person.password())
                                .param("newPassword", chosen)
                                .param("confirmPassword", chosen))
                        .andReturn()
                        .getResponse());
        for (var response : responses) {
            assertThat(response.getStatus()).as("never a 500").isLessThan(500);
            if (response.getStatus() != 200) { // 200: read after the first one committed, "current password wrong"
                assertThat(response.getRedirectedUrl()).isIn("/login?changed", "/login");
            }
        }
        login(person.username(), chosen); // the password chosen is the one that signs in
    }
}
