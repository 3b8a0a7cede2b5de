package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * Every list with a period (the ledger, the consent history) refuses a "to" day before the "from" day next to its
 * field, in the page's language, instead of silently finding nothing; its export refuses it (400, no file).
 */
class ListPeriodTest extends WebTestSupport {

    private static final List<String> LISTS = List.of("/console/ledger", "/console/consent/records");

    @Test
    void aPeriodEndingBeforeItStartsIsSaidNextToTheToFieldOnEveryListInBothLanguages() throws Exception {
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        for (var list : LISTS) {
            var french = page(list + "?from=2026-03-10&to=2026-03-01&lang=fr", session, 400);
            assertThat(french)
                    .as(list)
                    .contains("id=\"to-error\"")
                    .contains("aria-invalid=\"true\"")
                    .contains("La date « Au » (2026-03-01) précède la date « Du » (2026-03-10)")
                    .contains("Aucune recherche faite : corrigez la période ci-dessus.")
                    .doesNotContain("export.csv?");
            assertThat(page(list + "?from=2026-03-10&to=2026-03-01&lang=en", session, 400))
                    .as(list)
                    .contains("The “To” date (2026-03-01) is before the “From” date (2026-03-10)")
                    .contains("No search done: correct the period above.");
            assertThat(page(list + "?from=2026-03-01&to=2026-03-01&lang=fr", session, 200))
                    .as("one day is a period")
                    .doesNotContain("id=\"to-error\"");
            var problem = mvc.perform(get(list + "/export.csv")
                            .param("from", "2026-03-10")
                            .param("to", "2026-03-01")
                            .param("lang", "fr")
                            .session(session))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(problem).as(list + " export: no file of nothing").doesNotStartWith("\uFEFF");
        }
    }

    /** Attacker's review of 2026-12-06: "2026-13-45" was left out and the whole list shown as if searched. */
    @Test
    void aDayThatIsNoCalendarDayIsRefusedOnEveryListAndItsExport() throws Exception {
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        for (var list : LISTS) {
            assertThat(page(list + "?from=2026-13-45&lang=fr", session, 400))
                    .as(list)
                    .contains("id=\"to-error\"")
                    .contains("Une date de la période n’est pas une date du calendrier (AAAA-MM-JJ)")
                    .doesNotContain("export.csv?");
            assertThat(page(list + "?to=2026-02-30&lang=en", session, 400))
                    .contains("A date of the period is not a calendar date (YYYY-MM-DD): correct it.");
            mvc.perform(get(list + "/export.csv")
                            .param("from", "+999999999-01-01")
                            .param("lang", "en")
                            .session(session))
                    .andExpect(status().isBadRequest());
            assertThat(page(list + "?from=&to=&lang=fr", session, 200)).doesNotContain("id=\"to-error\"");
        }
    }

    @Test
    void readsAPeriodAsReversedOnlyWhenBothDaysAreReadable() {
        assertThat(ListPeriod.reversed("2026-03-10", "2026-03-01")).isTrue();
        assertThat(ListPeriod.reversed("2026-03-01", "2026-03-10")).isFalse();
        assertThat(ListPeriod.reversed("2026-03-10", null)).isFalse();
        assertThat(ListPeriod.reversed("not-a-day", "2026-03-01")).isFalse();
    }

    private String page(String path, MockHttpSession session, int expected) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).session(session))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
