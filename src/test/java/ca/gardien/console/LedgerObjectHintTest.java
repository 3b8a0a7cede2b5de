package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Officer's review: a request's reference typed in "Search in words" found nothing, and nothing on the page said that
 * a reference goes, whole, in the Object field (the only one without a hint).
 */
class LedgerObjectHintTest extends WebTestSupport {

    @Test
    void theObjectFieldSaysItTakesAWholeReferenceInThePagesLanguage() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);

        assertThat(page(officer))
                .contains("aria-describedby=\"object-hint\"")
                .contains("La référence entière d’une demande, d’une plainte ou d’un incident (R-2026-00042");
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

    private String page(org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get("/console/ledger").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
