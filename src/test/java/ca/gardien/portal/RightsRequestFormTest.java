package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class RightsRequestFormTest extends WebTestSupport {

    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    Requests requests;

    @Autowired
    Outbox outbox;

    @Test
    void showsAnAccessibleFormInFrenchByDefaultAndInEnglish() throws Exception {
        var french = page("/privacy/requests/new");
        assertThat(french)
                .contains("lang=\"fr\"")
                .contains("Faire une demande au sujet de vos renseignements personnels")
                .contains("<legend>Que demandez-vous ?</legend>")
                .contains("<label for=\"email\">Adresse courriel</label>")
                // either one alone is enough (the hint says so): neither is labelled optional (officer's walk)
                .contains("<label for=\"phone\">Numéro de téléphone</label>")
                .contains("Cessation de la diffusion ou désindexation")
                // filed under Québec's profile, which has no erasure (GDPR, CCPA)
                .doesNotContain("type-ERASURE")
                .contains("name=\"_csrf\"")
                .doesNotContain("<script>")
                .doesNotContain("aria-invalid");
        var english = page("/privacy/requests/new?lang=en");
        assertThat(english)
                .contains("lang=\"en\"")
                .contains("Make a request about your personal information")
                .contains("<legend>What do you ask for?</legend>");
    }

    @Test
    void submitsThroughTheIntakeThenConfirmsTheIdentityWithTheEmailedCode() throws Exception {
        var session = new MockHttpSession();
        var email = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var location = mvc.perform(post("/privacy/requests")
                        .session(session)
                        .with(csrf())
                        .param("type", "RECTIFICATION")
                        .param("email", email)
                        .param("language", "en")
                        .param("details", "My postal code is wrong."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/privacy/requests/*/code"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(location.split("/")[3]);
        var request = requests.get(id);
        assertThat(request.channel()).isEqualTo(RightsRequest.Channel.PORTAL);
        assertThat(request.jurisdiction()).isEqualTo("QC");
        assertThat(request.language()).isEqualTo("en");
        assertThat(request.identifiers())
                .singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo(email));

        var codePage = page(location + "?lang=en", session);
        assertThat(codePage)
                // never "we sent": without a mail server the code waits in the outbox; another way is offered
                .contains("A confirmation code is on its way to your email address.")
                .contains("href=\"/privacy/contact\">Nothing arrives? Contact us")
                .contains("class=\"public-links\"") // the site's links (officer's walk: only the language switch)
                .doesNotContain("We sent")
                .contains("no later than " + inWords(request.dueOn()) + ".") // in words, as a letter dates it
                .doesNotContain(request.dueOn().toString())
                .doesNotContain(email);

        mvc.perform(post(location)
                        .session(session)
                        .with(csrf())
                        .param("kind", "EMAIL")
                        .param("code", "000000x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")))
                // the error by its field too, tied to it (officer's review: only in the summary)
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"code-EMAIL-error\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("aria-describedby=\"code-EMAIL-error\"")));

        mvc.perform(post(location)
                        .session(session)
                        .with(csrf())
                        .param("kind", "EMAIL")
                        .param("code", code(id)))
                .andExpect(status().is3xxRedirection());
        assertThat(page(location, session)).contains("id=\"codes-done\"");
        // the request moves on once every identifier and any required review (sensitive data in scope) is done
        assertThat(requests.get(id).identifiers())
                .allSatisfy(i -> assertThat(i.verified()).isTrue());
    }

    @Test
    void reRendersBadInputWithLinkedFieldErrorsAndWritesNothing() throws Exception {
        int before = requests.list(null, null).size();
        var html = mvc.perform(post("/privacy/requests")
                        .with(csrf())
                        .param("type", "ACCESS")
                        .param("email", "not-an-email")
                        .param("phone", "12"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .as("the language switch posts the form (PublicFormErrorsAndLanguageTest), nothing typed in an address")
                .contains("formaction=\"/privacy/requests/language\"")
                .doesNotContain("not-an-email&");
        assertThat(html)
                .contains("class=\"error-summary\"")
                .contains("href=\"#email\"")
                .contains("href=\"#phone\"")
                .contains("id=\"email-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"not-an-email\"");
        var noType = mvc.perform(post("/privacy/requests").with(csrf()).param("email", "someone@example.test"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(noType).contains("href=\"#type-ACCESS\"").contains("Choisissez le type de demande.");
        var nothing = mvc.perform(post("/privacy/requests").with(csrf()).param("type", "ACCESS"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(nothing).contains("Donnez une adresse courriel ou un numéro de téléphone.");
        // numbers whose texts pay their receiver get no code (attacker's review: satellite and premium numbers did)
        for (var costly : java.util.List.of("+88213100123", "1-900-555-0199")) {
            var refused = mvc.perform(post("/privacy/requests")
                            .with(csrf())
                            .param("type", "ACCESS")
                            .param("phone", costly))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refused)
                    .contains("href=\"#phone\"")
                    .contains("Ce numéro ne peut pas recevoir nos textos (numéro surtaxé, partagé ou par satellite)");
        }
        assertThat(requests.list(null, null)).hasSize(before);
    }

    @Test
    void answersAnUnknownRequestOrKindWithAnErrorPageNotA500() throws Exception {
        mvc.perform(get("/privacy/requests/" + UUID.randomUUID() + "/code")).andExpect(status().isNotFound());
        mvc.perform(post("/privacy/requests/" + UUID.randomUUID() + "/code")
                        .with(csrf())
                        .param("kind", "EMAIL")
                        .param("code", "123456"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/privacy/requests/" + UUID.randomUUID() + "/code")
                        .with(csrf())
                        .param("kind", "SHOE")
                        .param("code", "123456"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theFormsAddressTypedWithoutItsLastPartLeadsToTheForm() throws Exception {
        mvc.perform(get("/privacy/requests").param("lang", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/privacy/requests/new?lang=*"));
        mvc.perform(get("/privacy/complaints"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/privacy/complaints/new?lang=*"));
        // typed with a trailing slash, as an address often is: the same page, the query kept
        mvc.perform(get("/privacy/requests/new/?lang=en"))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/privacy/requests/new?lang=en"));
        mvc.perform(get("/privacy/requests/"))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/privacy/requests"));
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/privacy/requests").param("type", "ACCESS").param("email", "someone@example.test"))
                .andExpect(status().isForbidden());
    }

    private String code(UUID requestId) {
        var message = outbox.about(requestId.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String page(String path) throws Exception {
        return page(path, new MockHttpSession());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** An English day as the person reads it: "January 4, 2027". */
    private static String inWords(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH));
    }
}
