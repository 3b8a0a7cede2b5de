package ca.gardien.inventory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.TestPasswords;
import java.util.Set;
import java.util.UUID;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Console sessions of synthetic accounts holding one role each, signed in through the login form. */
record ConsoleSessions(MockMvc mvc, AccountAdministration accounts) {

    /** Requests made in a new session of an account of {@code role}. */
    RequestPostProcessor as(Role role) throws Exception {
        var session = session(role);
        return request -> {
            request.setSession(session);
            return request;
        };
    }

    /** A new signed-in session of an account of {@code role}. */
    MockHttpSession session(Role role) throws Exception {
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var username = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var created = accounts.create(username, "Synthetic", initial, Set.of(role), Actor.SYSTEM);
        accounts.changeOwnPassword(created.id(), initial, password);
        return (MockHttpSession) mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
