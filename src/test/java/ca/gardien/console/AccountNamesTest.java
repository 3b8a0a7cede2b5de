package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * An account's name, as people and the ledger's lines read it: the person in charge renames an account (the first
 * account was named by its title, and nothing could change a name), and a name is checked wherever it is given.
 */
class AccountNamesTest extends WebTestSupport {

    @Autowired
    AccountViews views;

    private MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    private String name(java.util.UUID id) {
        return views.all().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow()
                .displayName();
    }

    @Test
    void thePersonInChargeRenamesAnAccountAsALedgerFactThatHoldsNoName() throws Exception {
        var person = person(Role.STAFF);
        mvc.perform(post("/console/accounts/{id}/name", person.id())
                        .param("displayName", "  Alex Exemple  ")
                        .session(officer())
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"));

        assertThat(name(person.id())).isEqualTo("Alex Exemple");
        var fact = awaitLedgerEntry("account.renamed", person.id());
        assertThat(fact.toString()).doesNotContain("Alex Exemple");
    }

    @Test
    void aBadNameIsRefusedAboveTheListNamingTheAccountAndTheFieldAndNothingChanges() throws Exception {
        var person = person(Role.STAFF);
        var before = name(person.id());
        for (var bad : new String[] {"   ", "x".repeat(201), "Alex\u0007", "Alex\u202eelpmexE"}) {
            var session = officer();
            var refused = mvc.perform(post("/console/accounts/{id}/name", person.id())
                            .param("displayName", bad)
                            .session(session)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/console/accounts"))
                    .andReturn();
            var page = mvc.perform(get("/console/accounts").session(session).flashAttrs(refused.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // officer's walk: not under the creation form's field of the same name
            assertThat(page).contains("id=\"refused\"").contains("Compte " + person.username() + "\u202f: Nom affiché");
            assertThat(page).doesNotContain("error-summary");
            assertThat(name(person.id())).isEqualTo(before);
        }
    }

    @Test
    void aNewAccountsNameIsCheckedTooInsteadOfFailingInTheDatabase() throws Exception {
        var username = unique("long-name");
        var page = mvc.perform(post("/console/accounts")
                        .param("username", username)
                        .param("displayName", "x".repeat(300))
                        .param("password", TestPasswords.fresh("Synthetic-Passphrase"))
                        .param("roles", "STAFF")
                        .session(officer())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("error-summary").contains("au plus 200 caractères");
        assertThat(views.all()).noneMatch(a -> a.username().equals(username));
    }

    @Test
    void onlyThePersonInChargeRenames() throws Exception {
        var person = person(Role.STAFF);
        for (var role : new Role[] {Role.STAFF, Role.DELEGATE, Role.AUDITOR}) {
            var other = person(role);
            mvc.perform(post("/console/accounts/{id}/name", person.id())
                            .param("displayName", "Pris")
                            .session(login(other.username(), other.password()))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(name(person.id())).isNotEqualTo("Pris");
    }
}
