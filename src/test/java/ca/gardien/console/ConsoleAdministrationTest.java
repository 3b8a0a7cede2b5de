package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

/** Account management (person in charge only) and personal token management in the console; CSRF on every form. */
class ConsoleAdministrationTest extends WebTestSupport {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">(gdn_[A-Za-z0-9_-]+)</code>");

    private MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    private String html(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsTheAccountsForThePersonInCharge() throws Exception {
        var person = person(Role.AUDITOR);

        var page = html(mvc.perform(get("/console/accounts").session(officer())).andExpect(status().isOk()));
        var found = html(mvc.perform(
                        get("/console/accounts").param("q", person.username()).session(officer()))
                .andExpect(status().isOk())); // the list is paged: other tests' accounts may fill the first page

        assertThat(page).contains(OFFICER).contains("Comptes");
        assertThat(found).contains(person.username());
    }

    @Test
    void refusesAccountManagementToOtherRoles() throws Exception {
        var target = person(Role.STAFF);
        for (var role : new Role[] {Role.DELEGATE, Role.STAFF, Role.AUDITOR}) {
            var person = person(role);
            var session = login(person.username(), person.password());
            mvc.perform(get("/console/accounts").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/console/accounts/{id}/roles", target.id())
                            .session(session)
                            .with(csrf())
                            .param("roles", "PRIVACY_OFFICER"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/accounts/{id}/disable", target.id())
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/accounts")
                            .session(session)
                            .with(csrf())
                            .param("username", unique("sneaky"))
                            .param("displayName", "S")
                            .param("password", "a-long-enough-password")
                            .param("roles", "PRIVACY_OFFICER"))
                    .andExpect(status().isForbidden());
        }
        assertThat(accounts.byId(target.id()).roles()).containsExactly(Role.STAFF);
        assertThat(accounts.byId(target.id()).enabled()).isTrue();
    }

    @Test
    void createsAnAccountFromTheFormAsALedgerFact() throws Exception {
        var username = unique("form");

        mvc.perform(post("/console/accounts")
                        .session(officer())
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Formulaire")
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF", "AUDITOR"))
                .andExpect(redirectedUrl("/console/accounts"))
                // said naming the account (officer's walk: a bare « Compte créé. »)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("done", "Le compte " + username + " est créé."));

        var account = accounts.byUsername(username).orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.AUDITOR);
        assertThat(account.mustChangePassword()).isTrue();
        var entry = awaitLedgerEntry("account.created", account.id());
        assertThat(actorKind(entry)).isEqualTo("ACCOUNT");
        assertThat(actorId(entry)).isEqualTo(officerId().toString());
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        var username = unique("nocsrf");

        mvc.perform(post("/console/accounts")
                        .session(officer())
                        .param("username", username)
                        .param("displayName", "No CSRF")
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF"))
                .andExpect(status().isForbidden());

        assertThat(accounts.byUsername(username)).isEmpty();
    }

    @Test
    void showsTheInvalidFieldsOfTheAccountForm() throws Exception {
        var session = officer();

        var page = html(mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", "Not Valid")
                        .param("displayName", "X")
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF"))
                .andExpect(status().isOk()));
        assertThat(page).contains("role=\"alert\"").contains("username");

        page = html(mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", unique("noroles"))
                        .param("displayName", "X")
                        .param("password", "a-long-enough-password"))
                .andExpect(status().isOk()));
        assertThat(page).contains("role=\"alert\"").contains("roles");

        page = html(mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", unique("shortpw"))
                        .param("displayName", "X")
                        .param("password", "short")
                        .param("roles", "STAFF"))
                .andExpect(status().isOk()));
        assertThat(page).contains("role=\"alert\"").contains("password");
    }

    @Test
    void showsTheFieldErrorsOfTheAccountFormInThePagesLanguage() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());

        var french = invalidUsername(session, "fr");
        var english = invalidUsername(session, "en");

        assertThat(french)
                .contains("Nom d’utilisateur : Ce champ doit compter de 2 à 100 lettres minuscules")
                .doesNotContain("must be 2-100");
        assertThat(english)
                .contains("Username: This field must be 2-100 lower-case letters")
                .doesNotContain("lettres minuscules");
    }

    /** The account form with a username the rules refuse, on a page in the given language. */
    private String invalidUsername(MockHttpSession session, String lang) throws Exception {
        return html(mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("lang", lang)
                        .param("username", "Not Valid")
                        .param("displayName", "X")
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF"))
                .andExpect(status().isOk()));
    }

    @Test
    void refusesADuplicateUsernameOnTheForm() throws Exception {
        var existing = person(Role.STAFF);

        var page = html(mvc.perform(post("/console/accounts")
                        .session(officer())
                        .with(csrf())
                        .param("username", existing.username())
                        .param("displayName", "Again")
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF"))
                .andExpect(status().isOk()));

        assertThat(page).contains("role=\"alert\"").contains("username");
    }

    @Test
    void changesRolesFromTheFormAsALedgerFact() throws Exception {
        var person = person(Role.STAFF);

        mvc.perform(post("/console/accounts/{id}/roles", person.id())
                        .session(officer())
                        .with(csrf())
                        .param("roles", "DELEGATE"))
                .andExpect(redirectedUrl("/console/accounts"));

        assertThat(accounts.byId(person.id()).roles()).containsExactly(Role.DELEGATE);
        assertThat(awaitLedgerEntry("account.roles-changed", person.id())).isNotNull();
    }

    @Test
    void refusesToLeaveAnAccountWithoutRoles() throws Exception {
        var person = person(Role.STAFF);

        var session = officer();
        var refused = mvc.perform(post("/console/accounts/{id}/roles", person.id())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"))
                .andReturn();
        var page = html(mvc.perform(get("/console/accounts").session(session).flashAttrs(refused.getFlashMap())));

        assertThat(page).contains("id=\"refused\"").contains("Compte " + person.username() + "\u202f: Rôles");
        assertThat(accounts.byId(person.id()).roles()).containsExactly(Role.STAFF);
    }

    @Test
    void showsWhyTheLastPrivacyOfficerCannotDisableThemselves() throws Exception {
        var session = officer();
        var others = accounts.all().stream()
                .filter(a -> a.enabled() && a.hasRole(Role.PRIVACY_OFFICER) && !a.id().equals(officerId()))
                .toList();
        others.forEach(a -> accounts.setEnabled(a.id(), false, ca.gardien.shared.Actor.SYSTEM));
        try {
            // back on the list (not left on the POST address), the reason in words (AccountRefusalsPageTest)
            var refused = mvc.perform(post("/console/accounts/{id}/disable", officerId())
                            .session(session)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/console/accounts"))
                    .andReturn();
            var page =
                    html(mvc.perform(get("/console/accounts").session(session).flashAttrs(refused.getFlashMap())));

            assertThat(page).contains("role=\"alert\"").contains("id=\"refused\"");
            assertThat(accounts.byId(officerId()).enabled()).isTrue();
        } finally {
            others.forEach(a -> accounts.setEnabled(a.id(), true, ca.gardien.shared.Actor.SYSTEM));
        }
    }

    @Test
    void disablesAndEnablesAnAccountFromTheForm() throws Exception {
        var person = person(Role.STAFF);
        var session = officer();

        mvc.perform(post("/console/accounts/{id}/disable", person.id())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"));
        assertThat(accounts.byId(person.id()).enabled()).isFalse();
        mvc.perform(post("/login")
                        .param("username", person.username())
                        .param("password", person.password())
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        mvc.perform(post("/console/accounts/{id}/enable", person.id())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/accounts"));
        assertThat(accounts.byId(person.id()).enabled()).isTrue();
        assertThat(awaitLedgerEntry("account.disabled", person.id())).isNotNull();
        assertThat(awaitLedgerEntry("account.enabled", person.id())).isNotNull();
    }

    @Test
    void issuesATokenShownOnlyOnceOnThePage() throws Exception {
        var person = person(Role.DELEGATE, Role.AUDITOR);
        var session = login(person.username(), person.password());
        var name = unique("console");

        var page = html(mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("roles", "AUDITOR"))
                .andExpect(status().isOk()));

        var matcher = NEW_TOKEN.matcher(page);
        assertThat(matcher.find()).as("the new secret is on the page").isTrue();
        var secret = matcher.group(1);
        var tokenList = tokens.ofAccount(person.id());
        assertThat(tokenList).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo(name);
            assertThat(t.roles()).containsExactly(Role.AUDITOR);
        });

        var again = html(mvc.perform(get("/console/tokens").session(session)).andExpect(status().isOk()));
        assertThat(again).contains(name).contains(secret.substring(0, 10)).doesNotContain(secret);
        assertThat(awaitLedgerEntry("token.issued", tokenList.getFirst().id())).isNotNull();
    }

    @Test
    void refusesTokenFormsWithoutCsrfToken() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        mvc.perform(post("/console/tokens").session(session).param("name", "x").param("roles", "STAFF"))
                .andExpect(status().isForbidden());

        assertThat(tokens.ofAccount(person.id())).isEmpty();
    }

    @Test
    void refusesATokenWithRolesBeyondTheHoldersOwnOnThePage() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        var page = html(mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "escalate")
                        .param("roles", "PRIVACY_OFFICER"))
                .andExpect(status().isOk()));

        assertThat(page).contains("role=\"alert\"").contains("roles").doesNotContain("id=\"new-token\"");
        assertThat(tokens.ofAccount(person.id())).isEmpty();
    }

    @Test
    void showsTheInvalidFieldsOfTheTokenForm() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        var page = html(mvc.perform(
                        post("/console/tokens").session(session).with(csrf()).param("name", "bad/name"))
                .andExpect(status().isOk()));

        assertThat(page).contains("role=\"alert\"").doesNotContain("id=\"new-token\"");
        assertThat(tokens.ofAccount(person.id())).isEmpty();
    }

    @Test
    void revokesOnesOwnTokenAsALedgerFact() throws Exception {
        var person = person(Role.STAFF);
        var issued = issue(person.id(), Role.STAFF);

        var session = login(person.username(), person.password());
        var revoked = mvc.perform(
                        post("/console/tokens/{id}/revoke", issued.token().id())
                                .session(session)
                                .with(csrf()))
                .andExpect(redirectedUrl("/console/tokens"))
                .andReturn();
        // said on the page (officer's re-check: nothing was)
        assertThat(html(mvc.perform(get("/console/tokens").session(session).flashAttrs(revoked.getFlashMap()))))
                .contains("id=\"done\"", "Le jeton est révoqué");

        assertThat(tokens.byId(issued.token().id()).orElseThrow().active()).isFalse();
        assertThat(awaitLedgerEntry("token.revoked", issued.token().id())).isNotNull();
    }

    @Test
    void revokingATokenTwiceShowsAnErrorInsteadOfFailing() throws Exception {
        var person = person(Role.STAFF);
        var issued = issue(person.id(), Role.STAFF);
        var session = login(person.username(), person.password());
        mvc.perform(post("/console/tokens/{id}/revoke", issued.token().id())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/tokens"));
        mvc.perform(get("/console/tokens").session(session)); // the page the redirect shows, its message read

        var refused = mvc.perform(
                        post("/console/tokens/{id}/revoke", issued.token().id())
                                .session(session)
                                .with(csrf()))
                .andExpect(redirectedUrl("/console/tokens"))
                .andReturn();
        var page = html(mvc.perform(get("/console/tokens").session(session).flashAttrs(refused.getFlashMap())));

        assertThat(page).contains("id=\"refused\"").contains("rien n’a été révoqué");
    }

    @Test
    void changingAnUnknownAccountShowsAnErrorInsteadOfFailing() throws Exception {
        var session = officer();
        var unknown = UUID.randomUUID();

        for (var path : new String[] {
            "/console/accounts/{id}/roles", "/console/accounts/{id}/disable", "/console/accounts/{id}/enable"
        }) {
            var refused = mvc.perform(
                            post(path, unknown).session(session).with(csrf()).param("roles", "STAFF"))
                    .andExpect(redirectedUrl("/console/accounts"))
                    .andReturn();
            var page =
                    html(mvc.perform(get("/console/accounts").session(session).flashAttrs(refused.getFlashMap())));
            assertThat(page).as(path).contains("role=\"alert\"").contains("id=\"refused\"");
        }
    }

    @Test
    void cannotRevokeSomeoneElsesTokenFromThePage() throws Exception {
        var owner = person(Role.STAFF);
        var other = person(Role.STAFF);
        var issued = issue(owner.id(), Role.STAFF);

        var session = login(other.username(), other.password());
        var refused = mvc.perform(
                        post("/console/tokens/{id}/revoke", issued.token().id())
                                .session(session)
                                .with(csrf()))
                .andExpect(redirectedUrl("/console/tokens"))
                .andReturn();
        var page = html(mvc.perform(get("/console/tokens").session(session).flashAttrs(refused.getFlashMap())));

        // said at the top, where the list starts, not under the form that issues tokens (attacker's review)
        assertThat(page.indexOf("id=\"refused\"")).isPositive().isLessThan(page.indexOf("<h2"));
        assertThat(tokens.byId(issued.token().id()).orElseThrow().active()).isTrue();
    }
}
