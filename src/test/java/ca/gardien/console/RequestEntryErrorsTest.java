package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * The privacy officer's findings of 2026-12-05 on the officer entry: an erasure under Québec law refused in codes
 * (ERASURE, QC, DESTRUCTION), the errors one save at a time, a summary with no list, the missing identifiers told under
 * the email field. Every error now comes at once, in words, each listed in the summary as a link to its field.
 */
class RequestEntryErrorsTest extends RequestConsoleSupport {

    /** An erasure under Québec law with no identifier, a scanned letter and details typed; the refused page as sent. */
    private String erasureWithoutIdentifier(String language) throws Exception {
        return mvc.perform(multipart("/console/requests/new")
                        .file(new MockMultipartFile(
                                "letter",
                                "lettre.pdf",
                                "application/pdf",
                                "%PDF-1.4 synthétique".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "ERASURE")
                        .param("channel", "MAIL")
                        .param("jurisdiction", "QC")
                        .param("language", "fr")
                        .param("details", "Effacer mon dossier client")
                        .param("lang", language)
                        .session(session(Role.PRIVACY_OFFICER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** What a person reads: the page's text without its tags and attributes. */
    private static String text(String page) {
        return HtmlUtils.htmlUnescape(
                page.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", " "));
    }

    @Test
    void anUnavailableTypeAndNoIdentifierAreBothRefusedAtOnceInFrenchWordsEachLinkedToItsField() throws Exception {
        var page = erasureWithoutIdentifier("fr");
        var html = HtmlUtils.htmlUnescape(page);
        assertThat(page).contains("id=\"error-summary\"").contains("data-error-summary");
        assertThat(html)
                .contains("La demande n’a pas été enregistrée. Corrigez les champs signalés :")
                .contains("<a href=\"#entry-type\">Type : « Effacement » n’est pas un droit offert sous le régime"
                        + " Québec (Loi 25) : demandez plutôt « Destruction de renseignements », « Cessation de la"
                        + " diffusion ou désindexation » ou « Retrait du consentement »</a>")
                .contains("<a href=\"#entry-person\">Identifiants de la personne : au moins un courriel, un téléphone"
                        + " ou un numéro de client est requis, sinon le nom et l’adresse postale de la personne</a>");
        assertThat(html.indexOf("href=\"#entry-type\""))
                .as("listed in the page's order")
                .isLessThan(html.indexOf("href=\"#entry-person\""));
        assertThat(page)
                .as("each error next to its field, the identifiers' with the person's fieldset, not under the email")
                .contains("id=\"entry-type-error\"")
                .contains("id=\"entry-person-error\"")
                .contains("id=\"entry-person\"")
                .doesNotContain("id=\"entry-email-error\"");
        assertThat(text(page)).doesNotContain("ERASURE", "DESTRUCTION", "CESSATION_OF", "profil QC");
        assertThat(page)
                .as("what was typed is kept, the letter held, the representative's document still offered")
                .containsPattern("value=\"ERASURE\"\\s+selected")
                .containsPattern("value=\"QC\"\\s+selected")
                .contains("Effacer mon dossier client")
                .contains("id=\"letter-kept\"")
                .contains("id=\"entry-representativeDocument\"");
    }

    @Test
    void theSameRefusalReadsInEnglishWords() throws Exception {
        var page = erasureWithoutIdentifier("en");
        assertThat(HtmlUtils.htmlUnescape(page))
                .contains("<a href=\"#entry-type\">Type: “Erasure” is not a right under the Québec (Law 25)"
                        + " jurisdiction: ask instead for “Destruction of information”, “Cessation of dissemination or"
                        + " de-indexation” or “Withdrawal of consent”</a>")
                .contains("<a href=\"#entry-person\">The person’s identifiers: at least one email, phone or customer"
                        + " number is required, or else the person’s name and postal address</a>");
        assertThat(text(page)).doesNotContain("ERASURE", "DESTRUCTION", "CESSATION_OF");
    }

    @Test
    void theFormGroupsTheTypesByTheJurisdictionsThatOfferThem() throws Exception {
        var form = HtmlUtils.htmlUnescape(page("/console/requests/new", session(Role.STAFF)));
        assertThat(form)
                .contains("<optgroup label=\"Offerts sous tous les régimes\">")
                .containsPattern("<optgroup label=\"Seulement sous : CCPA \\(Californie\\), RGPD \\(UE\\)\">\\s*"
                        + "<option value=\"ERASURE\">Effacement</option>\\s*</optgroup>");
    }

    @Test
    void theFormStartsOnTheOrganizationsJurisdictionAndARefusedSaveKeepsTheOneChosen() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/new", officer))
                .as("shipped: Québec is the primary jurisdiction, chosen, and no empty choice is offered")
                .containsPattern("value=\"QC\"\\s+selected")
                .doesNotContain("Choisissez la juridiction");
        var refused = mvc.perform(multipart("/console/requests/new")
                        .param("channel", "PHONE")
                        .param("jurisdiction", "GDPR")
                        .param("language", "en")
                        .param("email", "gdpr-entry@example.test")
                        .session(officer)
                        .with(csrf())) // no type: refused
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("id=\"entry-type-error\"")
                .containsPattern("value=\"GDPR\"\\s+selected")
                .doesNotContainPattern("value=\"QC\"\\s+selected");
    }
}
