package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public complaint form: FR/EN, labelled fields, linked errors, CSRF, the acknowledgement email. */
class ComplaintFormTest extends WebTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.complaints.Complaints complaints;

    @Autowired
    Outbox outbox;

    @Test
    void showsALabelledFormInFrenchByDefaultAndInEnglish() throws Exception {
        var french = page("/privacy/complaints/new");
        assertThat(french)
                .contains("lang=\"fr\"")
                .contains("Porter plainte au sujet de vos renseignements personnels")
                .contains("<label for=\"phone\"><span>Téléphone</span>")
                .contains("<label for=\"reasons\"><span>Motifs de la plainte</span>")
                .contains("name=\"_csrf\"")
                .doesNotContain("aria-invalid");
        assertThat(page("/privacy/complaints/new?lang=en"))
                .contains("lang=\"en\"")
                .contains("Make a complaint about your personal information")
                .contains("<label for=\"subject\"><span>Subject of the complaint</span>")
                .contains("<span class=\"required\">(required)</span>");
    }

    @Test
    void marksEveryRequiredFieldVisiblyAndForAssistiveTechnologies() throws Exception {
        var html = page("/privacy/complaints/new");
        for (var field : new String[] {"name", "email", "phone", "subject", "reasons"}) {
            // the seed (section 12) asks for a phone number: the form says it is required before it is refused
            assertThat(html)
                    .as(field)
                    .containsPattern("(?s)<label for=\"" + field
                            + "\">.{0,120}<span class=\"required\">\\(obligatoire\\)</span>")
                    .containsPattern("(?s)id=\"" + field + "\"[^>]*required aria-required=\"true\"");
        }
        assertThat(html).contains("Chaque champ marqué (obligatoire) doit être rempli.");
    }

    /**
     * Section 12 of the policy asks a complainant for "contact information, including a telephone number": the phone
     * stays required, and the form says why before and when it refuses (docs/modules/complaints.md).
     */
    @Test
    void thePhoneStaysRequiredAsThePolicyAsksAndTheFormSaysWhy() throws Exception {
        assertThat(page("/privacy/complaints/new"))
                .contains("Notre politique de confidentialité demande votre nom et vos coordonnées,"
                        + " dont un numéro de téléphone");
        var html = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("name", "Alex Exemple")
                        .param("email", "alex@example.test")
                        .param("phone", " ")
                        .param("subject", "Sollicitation")
                        .param("reasons", "Des appels après mon retrait.")
                        .param("language", "fr"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .containsPattern("id=\"phone-error\" class=\"field-error\">Indiquez un numéro de téléphone : la"
                        + " politique de confidentialité demande")
                .contains("href=\"#phone\"")
                .doesNotContain("href=\"#email\"");
    }

    @Test
    void theNoticeAndTheRequestFormLeadToTheComplaintForm() throws Exception {
        assertThat(page("/privacy"))
                .contains("href=\"/privacy/complaints/new\"")
                .contains("Porter plainte");
        assertThat(page("/privacy/requests/new?lang=en")).contains("href=\"/privacy/complaints/new\"");
    }

    @Test
    void aComplaintSentOnThePortalIsAcknowledgedByEmailWithItsDueDate() throws Exception {
        var filed = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("name", "Alex Exemple")
                        .param("email", "alex-portal@example.test")
                        .param("phone", "+1 555 010 0123")
                        .param("subject", "Portal complaint")
                        .param("reasons", "A form kept my data.")
                        .param("language", "en"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        // post, redirect, get: the confirmation is shown once; reloaded, it files nothing and shows the form
        var html = mvc.perform(get(filed.getResponse().getRedirectedUrl())
                        .session((org.springframework.mock.web.MockHttpSession)
                                filed.getRequest().getSession())
                        .flashAttrs(filed.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("id=\"received\"")
                .containsPattern("<span class=\"reference\">C-\\d{4}-\\d{5}</span>")
                // the site's links, not a dead end with only the language switch (officer's walk)
                .contains("class=\"public-links\"", "href=\"/privacy/contact\"");
        mvc.perform(get(filed.getResponse().getRedirectedUrl()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                        "/privacy/complaints/new*"));
        var reference = java.util.regex.Pattern.compile("(C-\\d{4}-\\d{5,})").matcher(html);
        assertThat(reference.find())
                .as("the page gives the complaint's reference")
                .isTrue();
        // this complaint's acknowledgement (other tests file complaints in the same context)
        var id = complaints.idOf(reference.group(1)).orElseThrow();
        assertThat(html)
                .as("the last day in words (\"le 4 janvier 2027\"), not as an ISO date")
                .containsPattern("au plus tard le \\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août"
                        + "|septembre|octobre|novembre|décembre) \\d{4}\\.")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        awaitLedgerEntry("complaints.acknowledged", id);
        // the reference and the days, never the words typed: the form must not relay a stranger's text (review)
        assertThat(outbox.about(id.toString())).anySatisfy(m -> {
            assertThat(m.subject()).endsWith("Acknowledgement: your complaint " + reference.group(1));
            assertThat(m.body())
                    .contains("(reference " + reference.group(1) + ")")
                    .doesNotContain("Portal complaint");
        });
    }

    @Test
    void reRendersBadInputWithLinkedFieldErrorsAndRefusesAPostWithoutTheCsrfToken() throws Exception {
        var html = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("name", "Alex")
                        .param("email", "not-an-email")
                        .param("phone", "call me"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("class=\"error-summary\"")
                .contains("href=\"#email\"")
                .contains("href=\"#phone\"")
                .contains("href=\"#subject\"")
                .contains("href=\"#reasons\"")
                .contains("id=\"email-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"not-an-email\"")
                // the language switch posts the form to be shown again in English (PublicFormErrorsAndLanguageTest):
                // nothing typed in an address
                .contains("formaction=\"/privacy/complaints/language\"")
                .doesNotContain("not-an-email&");
        mvc.perform(post("/privacy/complaints").param("name", "Alex")).andExpect(status().isForbidden());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
