package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the accounts page says when it refuses (officer's walk, 2026-12-06): disabling the only active person in
 * charge comes back to the list with the reason in words (no role code, no "correct the fields" when no field is
 * wrong); a refused initial password names its field and keeps the roles chosen.
 */
class AccountRefusalsPageTest extends WebTestSupport {

    @Autowired
    AccountViews views;

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Follows a redirect with its flash attributes, as the browser would. */
    private String followed(MockHttpSession session, MvcResult redirect) throws Exception {
        return body(mvc.perform(get(redirect.getResponse().getRedirectedUrl())
                        .session(session)
                        .flashAttrs(redirect.getFlashMap())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn());
    }

    /**
     * The refusal's words at the top of the page, alone: the list below may name an account "Test PRIVACY_OFFICER"
     * (another test's token holder) whatever the refusal says.
     */
    private static String refusal(String page) {
        int at = page.indexOf("id=\"refused\"");
        assertThat(at).as("a refusal on the page").isPositive();
        return page.substring(page.indexOf('>', at) + 1, page.indexOf("</p>", at));
    }

    /** Signs in as {@code person} and switches the console to French, as each walk of the page begins. */
    private MockHttpSession inFrench(Person person) throws Exception {
        var session = login(person.username(), person.password());
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(session));
        return session;
    }

    /** The accounts page after a creation refused for its initial password (a pattern), the form shown again. */
    private String createdWithAWeakPassword(MockHttpSession session, String username, String name, String... roles)
            throws Exception {
        return body(mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", name)
                        .param("password", "aaaaaaaaaaaaaaaa")
                        .param("roles", roles))
                .andExpect(status().isOk())
                .andReturn());
    }

    @Test
    void disablingTheOnlyActivePersonInChargeComesBackToTheListWithTheReasonInWords() throws Exception {
        var last = person(Role.PRIVACY_OFFICER);
        var session = inFrench(last);
        var others = new ArrayList<UUID>();
        try {
            for (var a : views.all()) {
                if (a.enabled() && a.roles().contains(Role.PRIVACY_OFFICER) && !a.id().equals(last.id())) {
                    accounts.setEnabled(a.id(), false, Actor.SYSTEM);
                    others.add(a.id());
                }
            }
            var refused = mvc.perform(post("/console/accounts/{id}/disable", last.id())
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/console/accounts"))
                    .andReturn();
            var page = followed(session, refused);
            assertThat(page).contains("id=\"refused\"");
            assertThat(refusal(page))
                    .contains("le rôle de personne responsable de la protection des renseignements personnels")
                    .doesNotContain("PRIVACY_OFFICER");
            assertThat(readAsText(page)).doesNotContain("Corrigez les champs");
            assertThat(views.all().stream()
                            .filter(a -> a.id().equals(last.id()))
                            .findFirst()
                            .orElseThrow()
                            .enabled())
                    .as("still enabled")
                    .isTrue();

            var rolesRefused = mvc.perform(post("/console/accounts/{id}/roles", last.id())
                            .session(session)
                            .with(csrf())
                            .param("roles", "STAFF"))
                    .andExpect(redirectedUrl("/console/accounts"))
                    .andReturn();
            var roles = followed(session, rolesRefused);
            assertThat(roles).contains("id=\"refused\"");
            assertThat(refusal(roles)).doesNotContain("PRIVACY_OFFICER");
            assertThat(readAsText(roles)).doesNotContain("Corrigez les champs");
        } finally {
            for (var id : others) {
                accounts.setEnabled(id, true, Actor.SYSTEM);
            }
        }
        var gone = mvc.perform(post("/console/accounts/{id}/disable", UUID.randomUUID())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andReturn();
        assertThat(followed(session, gone)).contains("id=\"refused\"").doesNotContain("Corrigez les champs");
    }

    @Test
    void aRefusedInitialPasswordNamesItsFieldAndKeepsTheRolesChosen() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = inFrench(officer);
        var page = createdWithAWeakPassword(session, unique("weak"), "Nouvelle personne", "DELEGATE", "AUDITOR");
        assertThat(page).contains("data-message=\"Le mot de passe initial ne doit pas être un caractère ou un motif");
        var roles = page.substring(page.indexOf("<fieldset id=\"roles\">"));
        roles = roles.substring(0, roles.indexOf("</fieldset>"));
        assertThat(roles)
                .containsPattern("value=\"DELEGATE\"[^>]*checked")
                .containsPattern("value=\"AUDITOR\"[^>]*checked")
                .doesNotContainPattern("value=\"STAFF\"[^>]*checked");
    }

    /** Officer's walk (2026-12-07): the password's refusal came first, the name taken only on the next try. */
    @Test
    void aNameTakenIsSaidWithTheRefusedPasswordAtOnce() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = inFrench(officer);
        var page = createdWithAWeakPassword(session, officer.username(), "", "STAFF");
        assertThat(readAsText(page))
                .contains("Un compte porte déjà ce nom d’utilisateur.")
                .contains("Le mot de passe initial ne doit pas être un caractère ou un motif");
    }

    @Test
    void aCallerWithoutThePersonInChargeRoleIsRefused() throws Exception {
        var delegate = person(Role.DELEGATE);
        var session = login(delegate.username(), delegate.password());
        mvc.perform(post("/console/accounts/{id}/disable", delegate.id())
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
