package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.requests.Requests;
import ca.gardien.support.WebTestSupport;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public's review of the public forms: a refused request form showed one error per submit (the type alone, then the
 * contact) and left the focus where it was; the language switch (a link) emptied a form. Every error comes at once, in
 * a summary that takes the focus and next to each field, with what was typed; the switch posts the form to a
 * "show it again in the other language" address that checks, sends and writes nothing, and puts nothing typed in an
 * address.
 */
class PublicFormErrorsAndLanguageTest extends WebTestSupport {

    @Autowired
    Requests requests;

    private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aRequestFormWithoutTypeNorContactListsBothErrorsAtOnceFocusesTheSummaryAndKeepsWhatWasTyped()
            throws Exception {
        int before = requests.list(null, null).size();
        var fr = body(post("/privacy/requests").with(csrf()).param("details", "Mon dossier client, s.v.p."), 400);
        var summary = fr.substring(fr.indexOf("id=\"error-summary\""), fr.indexOf("<form id=\"request-form\""));
        assertThat(summary)
                .contains("autofocus", "tabindex=\"-1\"", "data-error-summary")
                .contains("href=\"#type-ACCESS\"", "Choisissez le type de demande.")
                .contains("href=\"#email\"", "Donnez une adresse courriel ou un numéro de téléphone.");
        assertThat(fr)
                .contains("id=\"type-error\"", "id=\"email-error\"")
                .contains(">Mon dossier client, s.v.p.</textarea>")
                .contains("<script src=\"/js/console.js\" defer></script>");
        var en = body(
                post("/privacy/requests")
                        .with(csrf())
                        .cookie(new Cookie("gardien-lang", "en"))
                        .param("lang", "en")
                        .param("details", "My customer file, please."),
                400);
        assertThat(en).contains("Choose the type of request.", "Give an email address or a phone number.");
        assertThat(requests.list(null, null)).hasSize(before);
        // a form without errors has no script
        assertThat(body(get("/privacy/requests/new"), 200)).doesNotContain("console.js");
    }

    /**
     * Attacker's review: details holding a control character or an invisible mark (BEL, ESC, U+202E, U+200B) were
     * refused as longer than 4000 characters, for a text of three; the form now gives the complaint form's reason, in
     * French and in English, and a text too long is still told so.
     */
    @Test
    void requestDetailsWithControlCharactersOrInvisibleMarksAreRefusedForThatAndNotAsTooLong() throws Exception {
        int before = requests.list(null, null).size();
        for (var details : new String[] {"a\u0007b", "a\u001Bb", "a\u202Eb", "a\u200Bb"}) {
            var fr = body(request("fr", details), 400);
            assertThat(fr)
                    .as(details)
                    .contains("id=\"details-error\" class=\"field-error\">"
                            + "ne doit contenir ni caractères de contrôle ni marques invisibles<")
                    .contains("href=\"#details\"")
                    .doesNotContain("au plus 4000 caractères");
            var en = body(request("en", details).cookie(new Cookie("gardien-lang", "en")), 400);
            assertThat(en)
                    .as(details)
                    .contains("id=\"details-error\" class=\"field-error\">"
                            + "must not hold control characters or invisible marks<")
                    .doesNotContain("at most 4000 characters");
        }
        assertThat(body(request("fr", "x".repeat(4001)), 400))
                .contains("Les précisions doivent compter au plus 4000 caractères.")
                .doesNotContain("caractères de contrôle");
        assertThat(requests.list(null, null)).hasSize(before);
    }

    private static MockHttpServletRequestBuilder request(String lang, String details) {
        return post("/privacy/requests")
                .with(csrf())
                .param("lang", lang)
                .param("type", "ACCESS")
                .param("email", "marks@example.test")
                .param("language", lang)
                .param("details", details);
    }

    @Test
    void theLanguageSwitchOfARefusedRequestFormShowsItAgainInEnglishWithEverythingTyped() throws Exception {
        int before = requests.list(null, null).size();
        var refused = body(
                post("/privacy/requests")
                        .with(csrf())
                        .param("type", "RECTIFICATION")
                        .param("email", "not-an-email")
                        .param("details", "Mon code postal est faux."),
                400);
        assertThat(refused)
                .contains("form=\"request-form\"", "formaction=\"/privacy/requests/language\"")
                .contains("name=\"lang\" value=\"en\"")
                .doesNotContain("/locale?lang=en");
        var response = mvc.perform(post("/privacy/requests/language")
                        .with(csrf())
                        .param("lang", "en")
                        .param("type", "RECTIFICATION")
                        .param("email", "not-an-email")
                        .param("phone", "418 555-0100")
                        .param("language", "fr")
                        .param("details", "Mon code postal est faux."))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        var en = response.getContentAsString();
        assertThat(en)
                .contains("lang=\"en\"", "Make a request about your personal information")
                .contains("value=\"not-an-email\"", "value=\"418 555-0100\"", ">Mon code postal est faux.</textarea>")
                .containsPattern("id=\"type-RECTIFICATION\" value=\"RECTIFICATION\" checked")
                .contains("name=\"lang\" value=\"fr\"")
                .doesNotContain("id=\"error-summary\"");
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(requests.list(null, null)).hasSize(before);
        // a switch without the form's CSRF token is refused; the address reloaded is the empty form, not an error
        mvc.perform(post("/privacy/requests/language").param("lang", "en")).andExpect(status().isForbidden());
        mvc.perform(get("/privacy/requests/language").param("lang", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/privacy/requests/new?lang=en"));
        mvc.perform(get("/privacy/complaints/language").param("lang", "fr"))
                .andExpect(redirectedUrl("/privacy/complaints/new?lang=fr"));
    }

    @Test
    void theLanguageSwitchOfTheComplaintFormKeepsWhatWasTypedAndFilesNothing() throws Exception {
        var refused = body(post("/privacy/complaints").with(csrf()).param("name", "Camille Exemple"), 400);
        assertThat(refused)
                .contains("form=\"complaint-form\"", "formaction=\"/privacy/complaints/language\"")
                .contains("autofocus");
        var en = body(
                post("/privacy/complaints/language")
                        .with(csrf())
                        .param("lang", "en")
                        .param("name", "Camille Exemple")
                        .param("phone", "+1 555 010 0199")
                        .param("subject", "Appels non désirés")
                        .param("reasons", "Des appels après mon retrait.")
                        .param("language", "fr"),
                200);
        assertThat(en)
                .contains("Make a complaint about your personal information")
                .contains("value=\"Camille Exemple\"", "value=\"+1 555 010 0199\"", "Appels non désirés")
                .contains("Des appels après mon retrait.")
                .doesNotContain("id=\"error-summary\"");
    }

    /**
     * Officer's review (2026-12-07): a complaint form opened in English, switched to French and filled in French kept
     * "English" as the answer's language, and the acknowledgement went out in English. An answer language left at the
     * page's follows the page; one the person chose stays.
     */
    @Test
    void theAnswerLanguageFollowsTheSwitchedPageUnlessThePersonChoseIt() throws Exception {
        var followed = body(
                post("/privacy/complaints/language")
                        .with(csrf())
                        .param("lang", "fr")
                        .param("shownIn", "en")
                        .param("language", "en")
                        .param("name", "Camille Exemple"),
                200);
        assertThat(followed)
                .containsPattern("id=\"language-fr\" value=\"fr\" checked")
                .contains("name=\"shownIn\" value=\"fr\"");
        var chosen = body(
                post("/privacy/complaints/language")
                        .with(csrf())
                        .param("lang", "fr")
                        .param("shownIn", "fr")
                        .param("language", "en"),
                200);
        assertThat(chosen).containsPattern("id=\"language-en\" value=\"en\" checked");

        var request = body(
                post("/privacy/requests/language")
                        .with(csrf())
                        .param("lang", "fr")
                        .param("shownIn", "en")
                        .param("type", "ACCESS")
                        .param("language", "en"),
                200);
        assertThat(request).containsPattern("id=\"language-fr\" value=\"fr\" checked");
    }
}
