package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's review of the console's forms: the server, not the browser's bubble, says what is missing (every
 * error at once, in the page's language); closing a request asks first; sizes read in ko/Mo (kB/MB).
 */
class ConsoleFormsReviewTest extends WebTestSupport {

    @Autowired
    Phrases phrases;

    @Autowired
    MessageSource messages;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private String page(MockHttpSession session, String language, String path) throws Exception {
        mvc.perform(get("/locale")
                .param("lang", language)
                .param("return", "/console")
                .session(session));
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
    }

    private static String form(String html, String id) {
        var start = html.indexOf("<form id=\"" + id + "\"");
        assertThat(start).as("form %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</form>", start));
    }

    @Test
    void theComplaintEntryLeavesRequiredFieldsToTheServerInBothLanguages() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        for (var language : new String[] {"fr", "en"}) {
            var entry = form(page(session, language, "/console/complaints/new"), "complaint-entry");

            assertThat(entry).doesNotContainPattern("<[a-z]+[^>]*\\srequired[\\s=>]");
            assertThat(entry)
                    .containsPattern("id=\"channel\"[^>]*aria-required=\"true\"")
                    .containsPattern("id=\"name\"[^>]*aria-required=\"true\"")
                    .containsPattern("id=\"subject\"[^>]*aria-required=\"true\"")
                    .containsPattern("id=\"reasons\"[^>]*aria-required=\"true\"");
        }
    }

    private String change(MockHttpSession session, String language) throws Exception {
        mvc.perform(get("/locale")
                .param("lang", language)
                .param("return", "/console")
                .session(session));
        return mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "x")
                        .param("newPassword", "short")
                        .param("confirmPassword", "different"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void thePasswordPageReportsEveryMistakeAtOnceInTheFormsOrder() throws Exception {
        var person = person(Role.AUDITOR);
        var session = login(person.username(), person.password());

        var fr = change(session, "fr");
        assertThat(fr).contains("n’est pas exact", "doit être identique au nouveau mot de passe");
        assertThat(fr.indexOf("data-field=\"currentPassword\""))
                .isPositive()
                .isLessThan(fr.indexOf("data-field=\"newPassword\""));
        assertThat(fr.indexOf("data-field=\"newPassword\"")).isLessThan(fr.indexOf("data-field=\"confirmPassword\""));
        assertThat(fr).doesNotContainPattern("<input[^>]*\\srequired[\\s=>]");

        var en = change(session, "en");
        assertThat(en)
                .contains("is not correct", "must equal the new password")
                .contains(
                        "data-field=\"currentPassword\"",
                        "data-field=\"newPassword\"",
                        "data-field=\"confirmPassword\"");
        assertThat(login(person.username(), person.password())).isNotNull(); // the password is unchanged
    }

    @Test
    void sizesReadInKiloAndMegaInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(phrases.size(512, "crq.files.size")).isEqualTo("512 octets");
        assertThat(phrases.size(216_714, "crq.files.size")).isEqualTo("216,7 ko");
        assertThat(phrases.size(3_400_000, "complaints.page.size")).isEqualTo("3,4 Mo");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(phrases.size(1, "complaints.page.size")).isEqualTo("1 byte");
        assertThat(phrases.size(216_714, "crq.files.size")).isEqualTo("216.7 kB");
        assertThat(phrases.size(3_400_000, "crq.files.size")).isEqualTo("3.4 MB");
    }

    @Test
    void theNavTheDashboardAndTheQueueNameRequestsAndGapsAlike() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);

        assertThat(page(session, "fr", "/console"))
                .contains("Demandes d’exercice de droits")
                .doesNotContain("Demandes d’accès et de rectification");
        assertThat(page(session, "fr", "/console/requests"))
                .contains("<h1>Demandes d’exercice de droits</h1>")
                .doesNotContain("Demandes d’accès et de rectification");
        assertThat(page(session, "fr", "/console/inventory/gaps"))
                .contains("Écarts de l’inventaire")
                .doesNotContain("Manques", "manques");
        for (var locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            assertThat(messages.getMessage("dashboard.gaps.title", null, locale))
                    .isEqualTo(messages.getMessage("inventory.gaps.title", null, locale));
            assertThat(messages.getMessage("nav.requests", null, locale))
                    .isEqualTo(messages.getMessage("dashboard.requests.title", null, locale));
        }
    }
}
