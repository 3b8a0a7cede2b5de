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

    @Autowired
    Outbox outbox;

    @Test
    void showsALabelledFormInFrenchByDefaultAndInEnglish() throws Exception {
        assertThat(page("/privacy/complaints/new"))
                .contains("lang=\"fr\"")
                .contains("Porter plainte au sujet de vos renseignements personnels")
                .contains("<label for=\"phone\">Téléphone</label>")
                .contains("<label for=\"reasons\">Motifs de la plainte</label>")
                .contains("name=\"_csrf\"")
                .doesNotContain("aria-invalid");
        assertThat(page("/privacy/complaints/new?lang=en"))
                .contains("lang=\"en\"")
                .contains("Make a complaint about your personal information")
                .contains("<label for=\"subject\">Subject of the complaint</label>");
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
        var html = mvc.perform(post("/privacy/complaints")
                        .with(csrf())
                        .param("name", "Alex Exemple")
                        .param("email", "alex-portal@example.test")
                        .param("phone", "+1 555 010 0123")
                        .param("subject", "Portal complaint")
                        .param("reasons", "A form kept my data.")
                        .param("language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"received\"");
        var acknowledgement = awaitLedgerEntry("complaints.acknowledged", e -> true);
        assertThat(outbox.about(String.valueOf(acknowledgement.get("objectId"))))
                .anySatisfy(
                        m -> assertThat(m.subject()).isEqualTo("Acknowledgement: your complaint \"Portal complaint\""));
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
                .contains("value=\"not-an-email\"");
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
