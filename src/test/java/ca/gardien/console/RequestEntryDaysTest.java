package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.HtmlUtils;

/**
 * The privacy officer's walk of the officer entry: a day that does not exist (2026-02-30) was said to lie outside
 * 1900-01-01 to 9999-12-31, a letter received in 1900 was taken, and a representative's capacity refused in the API's
 * codes (PARENT, TUTOR, MANDATARY). Each is now said in words, next to its field, and nothing is saved.
 */
class RequestEntryDaysTest extends RequestConsoleSupport {

    /** The entry refused: the form again (200), as a person reads it in {@code language}. */
    private String refused(MockHttpSession session, String language, String field, String value) throws Exception {
        var page = mvc.perform(multipart("/console/requests/new")
                        .param("type", "ACCESS")
                        .param("channel", "MAIL")
                        .param("jurisdiction", "QC")
                        .param("language", "fr")
                        .param("customerNumber", "C-DAYS-1")
                        .param(field, value)
                        .param("lang", language)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return HtmlUtils.htmlUnescape(page);
    }

    /** The error said next to the field whose input is {@code id}. */
    private static String nextTo(String page, String id) {
        var m = java.util.regex.Pattern.compile("id=\"" + id + "-error\"[^>]*>([^<]*)<")
                .matcher(page);
        assertThat(m.find()).as("an error next to " + id).isTrue();
        return m.group(1);
    }

    @Test
    void aDayThatDoesNotExistIsSaidToBeNoRealDateNextToTheField() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        int before = requests.list(null, null).size();
        assertThat(nextTo(refused(officer, "fr", "receivedOn", "2026-02-30"), "entry-receivedOn"))
                .isEqualTo("Ce champ n’est pas une date réelle\u202f: vérifiez le jour et le mois (AAAA-MM-JJ, par"
                        + " exemple 2026-02-28).");
        assertThat(nextTo(refused(officer, "en", "receivedOn", "2026-13-01"), "entry-receivedOn"))
                .isEqualTo("This field is not a real date: check the day and the month (YYYY-MM-DD, for example"
                        + " 2026-02-28).");
        assertThat(requests.list(null, null)).hasSize(before);
    }

    @Test
    void aDayMoreThanTwoYearsBackIsRefusedAsATypingErrorNamingTheEarliestDay() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        int before = requests.list(null, null).size();
        var earliest = LocalDate.now(ZoneOffset.UTC).minusYears(2);
        for (var day : new String[] {"1900-01-01", earliest.minusDays(1).toString()}) {
            assertThat(nextTo(refused(officer, "fr", "receivedOn", day), "entry-receivedOn"))
                    .isEqualTo("Cette date ne peut remonter à plus de deux ans (au plus tôt le " + earliest
                            + ")\u202f: une date plus ancienne est sans doute une erreur de saisie.");
        }
        assertThat(nextTo(refused(officer, "en", "receivedOn", "1900-01-01"), "entry-receivedOn"))
                .isEqualTo("This date cannot be more than two years ago (on " + earliest
                        + " at the earliest): an older date is most likely a typing error.");
        assertThat(nextTo(refused(officer, "en", "receivedOn", "2999-01-01"), "entry-receivedOn"))
                .as("nor in the future")
                .isEqualTo("This date must not be in the future.");
        assertThat(requests.list(null, null)).hasSize(before);

        // two years back to the day is still taken (a late letter found in a drawer)
        mvc.perform(multipart("/console/requests/new")
                        .param("type", "ACCESS")
                        .param("channel", "MAIL")
                        .param("jurisdiction", "QC")
                        .param("language", "fr")
                        .param("customerNumber", "C-DAYS-2")
                        .param("receivedOn", earliest.toString())
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.list(null, null)).hasSize(before + 1);
    }

    @Test
    void aCapacityOutsideTheChoicesIsRefusedInWordsNotInTheApisCodes() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var fr = refused(officer, "fr", "representative", "GUARDIAN");
        assertThat(nextTo(fr, "entry-representative")).isEqualTo("Choisissez une des valeurs proposées.");
        assertThat(fr.replaceAll("(?s)<[^>]*>", " "))
                .doesNotContain("PARENT", "TUTOR", "MANDATARY")
                .contains("Un parent", "Un tuteur", "Un mandataire");
        var en = refused(officer, "en", "representative", "GUARDIAN");
        assertThat(nextTo(en, "entry-representative")).isEqualTo("Choose one of the values offered.");
        assertThat(en.replaceAll("(?s)<[^>]*>", " ")).doesNotContain("PARENT", "TUTOR", "MANDATARY");
    }
}
