package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.GapReport;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The gaps page is filtered by severity and status on the page itself and says who decided each gap and when
 * (officer's review: a long page without filters, decisions without their author).
 */
class GapListFiltersTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Autowired
    GapReport gaps;

    @Autowired
    AccountViews accounts;

    private String page(MockHttpSession session, String query) throws Exception {
        return mvc.perform(get("/console/inventory/gaps?lang=fr&" + query).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aStatusFilterShowsTheDecidedGapWithItsAuthorAndTheCountOfAll() throws Exception {
        inventory.apply(InventoryGapWordsTest.WITH_GAPS, Actor.SYSTEM);
        var all = gaps.gaps(Locale.FRENCH);
        assertThat(all).hasSizeGreaterThan(1);
        var decided = all.getFirst();
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var saved = mvc.perform(post("/console/inventory/gaps/" + decided.id())
                        .session(session)
                        .with(csrf())
                        .param("status", "in-progress")
                        .param("owner", "Équipe TI"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(mvc.perform(get("/console/inventory/gaps?lang=fr")
                                .session(session)
                                .flashAttrs(saved.getFlashMap()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("La décision sur l’écart est enregistrée"); // said, not left to the form's state

        var filtered = page(session, "status=in-progress");
        var name = accounts.nameOf(officer.id()).orElseThrow();
        assertThat(filtered)
                .contains("id=\"gap-" + decided.id().replace(':', '-') + "\"")
                .contains("Décision de " + name + ", le ")
                .contains("1 écart sur " + all.size())
                .contains("<option value=\"in-progress\" selected=\"selected\"");
        for (var other : all.subList(1, all.size())) {
            assertThat(filtered).doesNotContain("id=\"gap-" + other.id().replace(':', '-') + "\"");
        }
        assertThat(page(session, "status=resolved")).contains("id=\"gaps-none\"");
        assertThat(page(session, "status=nonsense&severity=%3Cscript%3E")) // an unknown filter is ignored
                .contains(all.size() + " écarts sur " + all.size())
                .doesNotContain("<script>");
        var unfiltered = page(session, "");
        assertThat(unfiltered.split("Décision de ", -1)).hasSize(2); // only the decided gap says who decided
    }
}
