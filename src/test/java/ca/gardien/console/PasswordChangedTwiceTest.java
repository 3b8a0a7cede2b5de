package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

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
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<MockHttpServletResponse>>();
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/console/password")
                                    .session(session)
                                    .with(csrf())
                                    .param("currentPassword", person.password())
                                    .param("newPassword", chosen)
                                    .param("confirmPassword", chosen))
                            .andReturn()
                            .getResponse();
                }));
            }
            start.countDown();
        }
        for (var answer : answers) {
            var response = answer.get();
            assertThat(response.getStatus()).as("never a 500").isLessThan(500);
            if (response.getStatus() != 200) { // 200: read after the first one committed, "current password wrong"
                assertThat(response.getRedirectedUrl()).isIn("/login?changed", "/login");
            }
        }
        login(person.username(), chosen); // the password chosen is the one that signs in
    }
}
