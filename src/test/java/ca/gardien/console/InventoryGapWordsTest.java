package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A gap names its object by its label in the page's language; the data map's path is one click away (raw entry). */
class InventoryGapWordsTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Test
    void aGapNamesItsObjectByItsLabelWithThePathOnlyInTheRawEntry() throws Exception {
        inventory.apply(ConsoleConsentTest.MAP, Actor.SYSTEM); // its category "contact" has no retention rule
        var delegate = person(Role.DELEGATE); // the language is remembered per account
        var session = login(delegate.username(), delegate.password());
        for (var language : new String[] {"fr", "en"}) {
            var html = mvc.perform(get("/console/inventory/gaps")
                            .param("lang", language)
                            .session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(language)
                    .contains(language.equals("fr") ? "Voir « Coordonnées »" : "See “Contact information”")
                    .contains("piCategories/contact</code>");
            // what a person reads: the raw entries (data-raw) and the attributes left out
            var read = readAsText(html);
            assertThat(read)
                    .as(language)
                    .doesNotContain("piCategories/contact")
                    .doesNotContain(">contact<")
                    .doesNotContain("élément contact")
                    .doesNotContain("item contact");
        }
    }
}
