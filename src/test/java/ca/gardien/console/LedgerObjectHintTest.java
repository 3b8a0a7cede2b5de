package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Officer's review: a request's reference typed in "Search in words" found nothing, and nothing on the page said that
 * a reference goes, whole, in the Object field (the only one without a hint).
 */
class LedgerObjectHintTest extends RequestConsoleSupport {

    @Test
    void theObjectFieldSaysItTakesAWholeReferenceInThePagesLanguage() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);

        assertThat(page(officer))
                .contains("aria-describedby=\"object-hint\"")
                .contains(
                        "La référence entière d’une demande, d’une plainte ou d’un incident (<span class=\"reference\">R-2026-00042");
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(officer));
        try {
            assertThat(page(officer)).contains("The whole reference of a request, a complaint or an incident");
        } finally { // the language is the account's: the tests after this one read the officer's pages in French
            mvc.perform(get("/locale")
                    .param("lang", "fr")
                    .param("return", "/console")
                    .session(officer));
        }
    }

    /** Officer's walk: a search in words that found nothing said the object must be typed in full, with no object. */
    @Test
    void anEmptySearchSpeaksOfTheObjectOnlyWhenAnObjectWasTyped() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var words = mvc.perform(
                        get("/console/ledger").param("q", "zqxwvnothing").session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(words)
                .contains("Aucune entrée ne correspond à ces critères ; retirez un filtre")
                .doesNotContain("L’objet doit être écrit en entier");
        var object = mvc.perform(
                        get("/console/ledger").param("object", "R-2000-99999").session(officer)) // nobody's reference
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(object).contains("L’objet doit être écrit en entier");
    }

    /** Officer's walk: the Object field came back holding the request's internal id instead of its reference. */
    @Test
    void theObjectFieldKeepsTheReferenceTypedAndItsLinksCarryIt() throws Exception {
        var reference = requests.get(received("ACCESS")).reference();
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var typed = " " + reference.toLowerCase(java.util.Locale.ROOT);

        var html = mvc.perform(get("/console/ledger").param("object", typed).session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html)
                .contains("name=\"object\" maxlength=\"100\" value=\"" + typed.strip() + "\"")
                .contains("object=" + typed.strip())
                .contains("Demande reçue") // the request's entries were found
                .doesNotContain("L’objet doit être écrit en entier");
    }

    /** Officer's walk: a reference typed in "Search in words" found nothing, with nothing to say why. */
    @Test
    void aReferenceTypedAsWordsIsSearchedAsTheObjectWithTheOtherFiltersKept() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);

        mvc.perform(get("/console/ledger")
                        .param("q", "r-2026-42")
                        .param("from", "2026-01-01")
                        .param("dir", "asc")
                        .session(officer))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/ledger?object=R-2026-00042&from=2026-01-01&dir=asc"));
        // typed in Object already: the words stay words
        mvc.perform(get("/console/ledger")
                        .param("q", "R-2026-00042")
                        .param("object", "R-2026-00042")
                        .session(officer))
                .andExpect(status().isOk());
    }

    private String page(org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get("/console/ledger").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
