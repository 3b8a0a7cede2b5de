package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The ledger's actor filter by person (issue 13, officer's review): the officer types or picks an account's username
 * or name, or Gardien, instead of an account id; the address keeps what was typed, so the filtered page can be shared;
 * a name that fits no account, or several, is said next to the field instead of an unexplained empty list.
 */
class LedgerActorFilterTest extends WebTestSupport {

    private MockHttpSession reader() throws Exception {
        var auditor = person(Role.AUDITOR);
        return login(auditor.username(), auditor.password());
    }

    private String page(String path, MockHttpSession session, int status) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private record Signed(UUID id, String username) {}

    /** An account with a name of its own that signed in once: its sign-in is a fact with the account as actor. */
    private Signed signedIn(String name) throws Exception {
        var username = unique("actor");
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, name, initial, Set.of(Role.STAFF), Actor.SYSTEM);
        var chosen = TestPasswords.fresh("chosen");
        accounts.changeOwnPassword(account.id(), initial, chosen);
        login(username, chosen);
        awaitLedgerEntry("account.signed-in", account.id());
        return new Signed(account.id(), username);
    }

    @Test
    void anAccountIsFoundByItsUsernameOrItsNameAndTheAddressKeepsWhatWasTyped() throws Exception {
        var name = "Jeanne Tremblay " + UUID.randomUUID().toString().substring(0, 6);
        var jeanne = signedIn(name);
        var other = signedIn("Autre " + UUID.randomUUID());
        var session = reader();

        for (var typed : new String[] {jeanne.username(), jeanne.username().toUpperCase(), name.toLowerCase()}) {
            var html = mvc.perform(get("/console/ledger")
                            .param("action", "account.signed-in")
                            .param("actor", typed)
                            .session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(typed)
                    .contains("<code class=\"object-id\" data-raw>" + jeanne.username() + "</code>")
                    .doesNotContain(other.id().toString())
                    .doesNotContain("id=\"actor-error\"");
        }
        var html = page("/console/ledger?actor=" + jeanne.username(), session, 200);
        // the field suggests every account by username, its name and role alongside, and Gardien itself
        assertThat(html)
                .contains("list=\"actor-choices\"")
                .contains("<option value=\"" + jeanne.username() + "\" label=\"" + name + " — Membre du personnel\"")
                .contains("<option value=\"gardien\"")
                .contains("value=\"" + jeanne.username() + "\"");
        // the CSV and the next page keep the name as typed: a link that another officer can open
        assertThat(html).contains("href=\"/console/ledger/export.csv?actor=" + jeanne.username() + "&amp;dir=desc\"");
        var csv = mvc.perform(get("/console/ledger/export.csv")
                        .param("actor", jeanne.username())
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("," + jeanne.id() + ",account.signed-in,")
                .doesNotContain(other.id().toString());

        // an account's id and a raw entry's KIND:id still work (older links, a copied raw entry)
        assertThat(page("/console/ledger?action=account.signed-in&actor=" + jeanne.id(), session, 200))
                .contains("<code class=\"object-id\" data-raw>" + jeanne.username() + "</code>");
        assertThat(page("/console/ledger?action=account.signed-in&actor=ACCOUNT:" + jeanne.id(), session, 200))
                .contains("<code class=\"object-id\" data-raw>" + jeanne.username() + "</code>");
        // Gardien's own facts: the account was created by Gardien, not by itself
        assertThat(page(
                        "/console/ledger?action=account.created&object=" + jeanne.id() + "&actor=Gardien",
                        session,
                        200))
                .contains("<code class=\"object-id\" data-raw>" + jeanne.username() + "</code>");
        assertThat(page(
                        "/console/ledger?action=account.created&object=" + jeanne.id() + "&actor=" + jeanne.username(),
                        session,
                        200))
                .contains("id=\"ledger-empty\"");
    }

    @Test
    void aDelegateWhoMayNotListAccountsFindsNoOtherAccountByNameOrUsernameButTheirOwnAndRoles() throws Exception {
        var name = "Luc Gagnon " + UUID.randomUUID().toString().substring(0, 6);
        var luc = signedIn(name);
        var delegate = person(Role.DELEGATE);
        var session = login(delegate.username(), delegate.password());

        // another's username or name is "no account", exactly as a name nobody bears: the field confirms nobody
        for (var typed : new String[] {luc.username(), name, "personne-" + UUID.randomUUID()}) {
            var html = mvc.perform(get("/console/ledger")
                            .param("action", "account.signed-in")
                            .param("actor", typed)
                            .session(session))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(typed)
                    .contains("id=\"actor-error\"")
                    .doesNotContain("<code class=\"object-id\" data-raw>" + luc.id() + "</code>")
                    .doesNotContain("<option value=\"" + luc.username() + "\"", name + " — ");
        }
        // their own username, the role words and a raw id the entries show still search
        assertThat(page("/console/ledger?action=account.signed-in&actor=" + delegate.username(), session, 200))
                .doesNotContain("id=\"actor-error\"");
        assertThat(mvc.perform(get("/console/ledger")
                                .param("action", "account.signed-in")
                                .param("actor", "Membre du personnel")
                                .session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("<code class=\"object-id\" data-raw>" + luc.id() + "</code>");
        // another's account id, as raw entries show it, is refused as a name is
        for (var raw : new String[] {luc.id().toString(), "ACCOUNT:" + luc.id()}) {
            assertThat(page("/console/ledger?action=account.signed-in&actor=" + raw, session, 400))
                    .contains("id=\"actor-error\"")
                    .doesNotContain("<code class=\"object-id\" data-raw>" + luc.id() + "</code>");
        }
        assertThat(page("/console/ledger?action=account.signed-in&actor=" + delegate.id(), session, 200))
                .doesNotContain("id=\"actor-error\"")
                .contains("list=\"actor-choices\"", "<option value=\"gardien\"");
        mvc.perform(get("/console/ledger/export.csv")
                        .param("actor", luc.username())
                        .session(session))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNameOfNobodyOrOfSeveralIsSaidNextToTheFieldInThePagesLanguage() throws Exception {
        var session = reader();
        var unknown = page("/console/ledger?actor=personne-inconnue", session, 400);
        assertThat(unknown)
                .contains("id=\"actor-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("Aucun compte ne s’appelle « personne-inconnue »")
                .contains("Aucune recherche faite")
                .doesNotContain("id=\"ledger-entries-list\"")
                .doesNotContain("id=\"ledger-csv\"");
        assertThat(page("/console/ledger?actor=nobody-known&lang=en", session, 400))
                .contains("No account is named “nobody-known”")
                .contains("No search done");
        // every account of the tests' person() is named "Test person"
        person(Role.STAFF);
        person(Role.STAFF);
        var ambiguous = mvc.perform(get("/console/ledger")
                        .param("actor", "Test person")
                        .param("lang", "fr")
                        .session(session))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ambiguous).contains("Plusieurs comptes portent le nom « Test person »");
        mvc.perform(get("/console/ledger/export.csv")
                        .param("actor", "personne-inconnue")
                        .session(session))
                .andExpect(status().isBadRequest());
    }

    /** The ledger page searched with these parameters (name, value, …), as typed in its fields. */
    private String searched(MockHttpSession session, String... params) throws Exception {
        var request = get("/console/ledger").session(session);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRoleAndAnActionAreFoundByTheirWordsAsThePageShowsThem() throws Exception {
        var jeanne = signedIn("Jeanne Roy " + UUID.randomUUID().toString().substring(0, 6));
        var session = reader();
        for (var words : new String[][] {
            {"fr", "Connexion à la console", "Membre du personnel"}, {"en", "signed in to the console", "staff member"}
        }) {
            assertThat(searched(session, "lang", words[0], "action", words[1], "actor", words[2]))
                    .as(words[0])
                    .contains("<code class=\"object-id\" data-raw>" + jeanne.username() + "</code>")
                    .doesNotContain("id=\"actor-error\"")
                    .contains("<datalist id=\"action-choices\">")
                    .as("each suggested action is its words alone, not a template's leftover English label")
                    .doesNotContain(">Request received</option>");
        }
        // a role nobody here acts in as Jeanne does: her entries are not among the delegates'
        assertThat(searched(session, "action", "account.signed-in", "actor", "Personne déléguée"))
                .doesNotContain(jeanne.username() + "</code>")
                .doesNotContain("id=\"actor-error\"");
    }
}
