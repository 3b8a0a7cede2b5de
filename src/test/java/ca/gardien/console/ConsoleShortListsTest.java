package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Accounts, API tokens and connectors as lists (issue 13, Lists): search, filter, sort, keyset, CSV in words, roles. */
class ConsoleShortListsTest extends RequestConsoleSupport {

    @Test
    void accountsAreSearchedFilteredSortedAndExportedWithRolesInWords() throws Exception {
        var tag = unique("zz");
        accounts.create(tag + "-a", "Alma " + tag, "initial-password-1", Set.of(Role.AUDITOR), Actor.SYSTEM);
        var b = accounts.create(tag + "-b", "Bruno " + tag, "initial-password-2", Set.of(Role.STAFF), Actor.SYSTEM);
        accounts.setEnabled(b.id(), false, Actor.SYSTEM);
        var officer = session(Role.PRIVACY_OFFICER);

        var found = page("/console/accounts?q=" + tag + "&sort=name&dir=desc", officer);
        assertThat(found).contains(tag + "-a", tag + "-b").doesNotContain(">officer<");
        assertThat(found.indexOf("Bruno " + tag)).isLessThan(found.indexOf("Alma " + tag));
        assertThat(page("/console/accounts?q=" + tag + "&state=DISABLED", officer))
                .contains(tag + "-b")
                .doesNotContain(tag + "-a<");
        assertThat(page("/console/accounts?q=nobody-" + tag, officer)).contains("id=\"accounts-empty\"");

        var csv = mvc.perform(get("/console/accounts/export.csv?q=" + tag).session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith("\uFEFFNom d’utilisateur,")
                .contains("Désactivé")
                .contains("Auditeur (lecture seule)")
                .doesNotContain("AUDITOR", "STAFF");
        assertThat(csv.lines()).hasSize(3);

        for (var bad :
                List.of("sort=evil", "after=%25%25%25", "after=" + Listing.cursor(List.of("x")), "state=NOPE&dir=x")) {
            mvc.perform(get("/console/accounts?" + bad).session(officer)).andExpect(status().isOk());
            mvc.perform(get("/console/accounts/export.csv?" + bad).session(officer))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void ownTokensAreSearchedFilteredByStateAndExportedWithoutSecrets() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        issue(officer, "alpha-ci");
        issue(officer, "beta-ci");
        var page = page("/console/tokens?q=alpha&state=ACTIVE", officer);
        assertThat(page).contains("alpha-ci").doesNotContain(">beta-ci<").contains("id=\"q\"");
        assertThat(page("/console/tokens?state=REVOKED", officer)).contains("id=\"tokens-none-match\"");
        var csv = mvc.perform(
                        get("/console/tokens/export.csv?sort=name&dir=desc").session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .contains("Actif", "Responsable de la protection")
                .doesNotContain("PRIVACY_OFFICER")
                // only the token's first characters, never a whole secret (a shown prefix may itself begin "gdn_x")
                .doesNotContainPattern("gdn_[A-Za-z0-9_-]{16,}");
        assertThat(csv.indexOf("beta-ci")).isLessThan(csv.indexOf("alpha-ci"));
        mvc.perform(get("/console/tokens?after=%25%25&sort=evil").session(officer))
                .andExpect(status().isOk());
    }

    @Test
    void connectorsListHasTheBarAndItsExportIsForOfficersAndDelegatesOnly() throws Exception {
        var delegate = session(Role.DELEGATE);
        mvc.perform(get("/console/connectors?type=nope&sort=evil&after=%25").session(delegate))
                .andExpect(status().isOk());
        mvc.perform(get("/console/connectors/export.csv").session(delegate))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).startsWith("\uFEFFIdentifiant,Type,"));
        var staff = session(Role.STAFF);
        for (var path :
                List.of("/console/connectors/export.csv", "/console/accounts/export.csv", "/console/accounts")) {
            mvc.perform(get(path).session(staff)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/tokens/export.csv")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theShortListPagesByKeysetInEitherOrder() {
        record Item(String id, String name) {}
        var list = new SmallList<Item>(SmallList.sorts("name", Item::name, "id", Item::id), Item::id, Item::name, "/x");
        var all = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new Item("i" + i, i % 2 == 0 ? "Same" : "other" + i))
                .toList();
        for (var dir : List.of("asc", "desc")) {
            var seen = new java.util.ArrayList<String>();
            String after = null;
            do {
                var query = list.query(null, "name", dir, after, 3);
                var page = list.page(all, i -> true, query);
                page.rows().forEach(i -> seen.add(i.id()));
                after = page.next();
            } while (after != null);
            assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        }
        var first = list.page(all, i -> true, list.query("SAME", "evil", null, "%%", 10));
        assertThat(first.rows()).hasSize(4);
    }

    private void issue(MockHttpSession session, String name) throws Exception {
        mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("roles", "PRIVACY_OFFICER"))
                .andExpect(status().isOk());
    }
}
