package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A refused form of a governance page comes back as it was typed: a policy section's form open in its section with the
 * text typed, a training campaign's form with its title, policy, roles and date; every error next to its field (tied to
 * it by {@code aria-describedby}) and listed in the form, which the page is brought back to; nothing is saved.
 */
class GovernanceRefusedFormsTest extends GovernanceTestSupport {

    static final String TRAINING = "/console/governance/training";
    static final String REGISTERS = "/console/governance/registers";

    @Test
    void aRefusedSectionEditComesBackOpenInItsSectionWithWhatWasTypedAndEachErrorNextToItsField() throws Exception {
        int n = openDraft();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = as(Role.PRIVACY_OFFICER);
        var added = "Paragraphe ajouté " + unique("p");
        var refused = mvc.perform(post(page + "/sections/s6")
                        .session(session)
                        .with(csrf())
                        .param("headingFr", "")
                        .param("headingEn", "Kept heading")
                        .param("fr", "Texte d’origine.\r\n\r\n" + added)
                        .param("en", "English text \u0007 with a bell"))
                .andExpect(redirectedUrl(page + "#refused"))
                .andReturn();

        var html = shown(page, session, refused);
        var section = section(html, "s6");
        assertThat(section).containsPattern("<details[^>]*\\sopen");
        assertThat(section).contains("Texte d’origine.\n\n" + added + "</textarea>");
        assertThat(tag(section, "headingEn-s6"))
                .contains("value=\"Kept heading\"")
                .doesNotContain("aria-invalid");
        assertThat(tag(section, "headingFr-s6"))
                .contains("value=\"\"", "aria-invalid=\"true\"", "aria-describedby=\"headingFr-s6-error\"");
        assertThat(section)
                .containsPattern("id=\"headingFr-s6-error\"[^>]*>Ce champ est obligatoire.</p>\\s*<input[^>]*"
                        + "id=\"headingFr-s6\"");
        assertThat(tag(section, "en-s6")).contains("aria-invalid=\"true\"", "aria-describedby=\"en-s6-error\"");
        assertThat(section).containsPattern("id=\"en-s6-error\"[^>]*>Au plus [^<]*caractères de contrôle");
        // the refusal is listed in the section's form: the page comes back to it (#refused) and it takes the focus
        assertThat(section)
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("href=\"#headingFr-s6\"", "href=\"#en-s6\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the section")
                .hasSize(2);
        assertThat(section(html, "s5")).doesNotContainPattern("<details[^>]*\\sopen");

        // nothing was saved: read again, the page shows the section as it was, its form closed
        var again = mvc.perform(get(page).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(section(again, "s6")).doesNotContain(added).doesNotContainPattern("<details[^>]*\\sopen");
    }

    @Test
    void aSectionWithAnUnknownVariableIsRefusedNextToItsTextNamingTheVariableInBothLanguages() throws Exception {
        int n = openDraft();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = as(Role.PRIVACY_OFFICER);
        var refused = mvc.perform(post(page + "/sections/s6")
                        .session(session)
                        .with(csrf())
                        .param("headingFr", "Titre")
                        .param("headingEn", "Heading")
                        .param(
                                "fr",
                                "Avant {{inconnu}} après.\r\nContact : {{officer.nme}}.\r\n{{officer.name}}"
                                        + " {{ officer.name }} {{officer_name}}")
                        .param("en", "Contact: {{officer.name}}."))
                .andExpect(redirectedUrl(page + "#refused"))
                .andReturn();
        var section = section(shown(page, session, refused), "s6");
        assertThat(tag(section, "fr-s6")).contains("aria-invalid=\"true\"", "aria-describedby=\"fr-s6-error\"");
        assertThat(tag(section, "en-s6")).doesNotContain("aria-invalid");
        assertThat(section)
                .containsPattern("id=\"fr-s6-error\"[^>]*>Gardien ne connaît pas \\{\\{inconnu}}, \\{\\{officer.nme}},"
                        + " \\{\\{ officer.name }}, \\{\\{officer_name}}\\."
                        + " Variables possibles\u202f: [^<]*\\{\\{officer.name}}");
        // in English, and through the API: a 400 naming the field and the variable
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/policies/privacy-policy/versions/" + n + "/sections/s6")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"headingFr\":\"x\",\"headingEn\":\"x\",\"fr\":\"Contact : {{officer.name}}.\","
                                + "\"en\":\"Before {{unknown}} after.\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[*].field")
                                .value(org.hamcrest.Matchers.contains("en")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Gardien does not know {{unknown}}.")));
    }

    @Test
    void aRefusedCampaignKeepsItsTitlePolicyRolesAndDateWithEachErrorNextToItsField() throws Exception {
        publishNext();
        clock.setDay("2032-07-01");
        var session = as(Role.PRIVACY_OFFICER);
        var title = unique("Lecture de la politique");
        var refused = mvc.perform(post(TRAINING)
                        .session(session)
                        .with(csrf())
                        .param("title", title)
                        .param("policyId", "privacy-policy")
                        .param("module", "Hameçonnage 2032")
                        .param("roles", "STAFF", "DELEGATE")
                        .param("dueOn", "2032-06-30"))
                .andExpect(redirectedUrl(TRAINING + "#refused"))
                .andReturn();

        var html = shown(TRAINING, session, refused);
        var form = html.substring(
                html.indexOf("id=\"campaign-form\""), html.indexOf("</form>", html.indexOf("id=\"campaign-form\"")));
        assertThat(tag(form, "c-title")).contains("value=\"" + title + "\"").doesNotContain("aria-invalid");
        assertThat(form).containsPattern("<option(?=[^>]*value=\"privacy-policy\")(?=[^>]*selected)[^>]*>");
        assertThat(tag(form, "c-module")).contains("value=\"Hameçonnage 2032\"");
        assertThat(tag(form, "role-STAFF")).contains("checked");
        assertThat(tag(form, "role-DELEGATE")).contains("checked");
        assertThat(tag(form, "role-PRIVACY_OFFICER")).doesNotContain("checked");
        assertThat(tag(form, "c-dueOn"))
                .contains("value=\"2032-06-30\"", "aria-invalid=\"true\"", "aria-describedby=\"c-dueOn-error\"");
        assertThat(form)
                .containsPattern(
                        "id=\"c-dueOn-error\"[^>]*>Une échéance AAAA-MM-JJ entre aujourd’hui et dans deux ans.</p>"
                                + "\\s*<input[^>]*id=\"c-dueOn\"");
        // the other error too, next to its own field
        assertThat(tag(form, "c-policyId")).contains("aria-invalid=\"true\"", "aria-describedby=\"c-policyId-error\"");
        assertThat(form).contains("id=\"c-policyId-error\"");
        assertThat(form)
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("href=\"#c-dueOn\"", "href=\"#c-policyId\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the form")
                .hasSize(2);
        assertThat(html).as("no campaign started").doesNotContain(title + "</a>");
    }

    @Test
    void aRefusedRegisterEntryKeepsItsRegisterAndWhatWasTypedWithEachErrorNextToItsField() throws Exception {
        var session = as(Role.PRIVACY_OFFICER);
        var product = unique("Portail client");
        var refused = mvc.perform(post(REGISTERS)
                        .session(session)
                        .with(csrf())
                        .param("kind", "SETTING")
                        .param("product", product)
                        .param("nameFr", "")
                        .param("nameEn", "Profile visibility")
                        .param("defaultValue", "public")
                        .param("mostPrivate", ""))
                .andExpect(redirectedUrl(REGISTERS + "#refused"))
                .andReturn();

        var html = shown(REGISTERS, session, refused);
        var form = html.substring(
                html.indexOf("id=\"entry-form\""), html.indexOf("</form>", html.indexOf("id=\"entry-form\"")));
        assertThat(form).containsPattern("<option(?=[^>]*value=\"SETTING\")(?=[^>]*selected)[^>]*>");
        assertThat(tag(form, "r-product")).contains("value=\"" + product + "\"").doesNotContain("aria-invalid");
        assertThat(tag(form, "r-nameEn")).contains("value=\"Profile visibility\"");
        assertThat(tag(form, "r-defaultValue")).contains("value=\"public\"");
        assertThat(tag(form, "r-nameFr")).contains("aria-invalid=\"true\"", "aria-describedby=\"r-nameFr-error\"");
        assertThat(form)
                .containsPattern(
                        "id=\"r-nameFr-error\"[^>]*>Ce champ est obligatoire.</p>\\s*<input[^>]*id=\"r-nameFr\"");
        assertThat(tag(form, "r-mostPrivate")).contains("aria-describedby=\"r-mostPrivate-error\"");
        assertThat(form)
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("href=\"#r-nameFr\"", "href=\"#r-mostPrivate\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the form")
                .hasSize(2);
        // the 9.1 register's own required fields say so
        assertThat(form)
                .containsPattern("Produit ou service</span> <span class=\"required\">\\(obligatoire pour un paramètre")
                .containsPattern("Valeur par défaut</span> <span class=\"required\">\\(obligatoire pour un paramètre")
                .containsPattern("Valeur la plus confidentielle</span> <span class=\"required\">\\(obligatoire pour");
        assertThat(html).as("nothing recorded").doesNotContain(product + "</td>");
    }

    @Test
    void aRefusedCommitmentComesBackInItsProvidersFormWithEachErrorNextToItsField() throws Exception {
        mvc.perform(post("/api/v1/inventory/apply")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType("application/yaml")
                        .content(new org.springframework.core.io.ClassPathResource("demo/ingeno.yaml")
                                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        var session = as(Role.PRIVACY_OFFICER);
        var providers = RegisterPages.PROVIDERS;
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                providers + "/payroll-provider/commitments")
                        .session(session)
                        .with(csrf())
                        .param("signedOn", "2000-13-01")
                        .param("measures", "Chiffrement au repos."))
                .andExpect(redirectedUrl(providers + "#refused"))
                .andReturn();
        var html = shown(providers, session, refused);
        var form = html.substring(
                html.indexOf("id=\"commit-payroll-provider\""),
                html.indexOf("</form>", html.indexOf("id=\"commit-payroll-provider\"")));
        assertThat(tag(form, "measures-payroll-provider")).doesNotContain("aria-invalid");
        assertThat(form).contains("Chiffrement au repos.</textarea>");
        assertThat(tag(form, "signedOn-payroll-provider"))
                .contains(
                        "value=\"2000-13-01\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"signedOn-payroll-provider-error\"");
        assertThat(form)
                .containsPattern("id=\"signedOn-payroll-provider-error\"[^>]*>Une date AAAA-MM-JJ[^<]*</p>\\s*<input")
                .containsPattern("id=\"documentSha256-payroll-provider-error\"[^>]*>Joignez le document signé")
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("href=\"#signedOn-payroll-provider\"", "href=\"#documentSha256-payroll-provider\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the form")
                .hasSize(2);
    }

    @Test
    void aRefusedDelegationComesBackWithEachErrorNextToItsField() throws Exception {
        var page = OfficerPages.PAGE;
        var session = login(OFFICER, OFFICER_PASSWORD);
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                page + "/delegations")
                        .session(session)
                        .with(csrf())
                        .param("name", "Dana Exemple")
                        .param("title", "")
                        .param("email", "dana@example.test")
                        .param("scope", "PART")
                        .param("part", "Les plaintes")
                        .param("startsOn", "2026-02-01"))
                .andExpect(redirectedUrl(page + "#refused"))
                .andReturn();
        var html = shown(page, session, refused);
        var form = html.substring(
                html.indexOf("id=\"delegation-form\""),
                html.indexOf("</form>", html.indexOf("id=\"delegation-form\"")));
        assertThat(tag(form, "d-name")).contains("value=\"Dana Exemple\"").doesNotContain("aria-invalid");
        assertThat(tag(form, "d-title")).contains("aria-invalid=\"true\"", "aria-describedby=\"d-title-error\"");
        assertThat(form)
                .containsPattern("id=\"d-title-error\"[^>]*>Ce champ est obligatoire.</p>\\s*<input[^>]*id=\"d-title\"")
                .containsPattern("id=\"d-documentSha256-error\"[^>]*>Joignez le document signé")
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("href=\"#d-title\"", "href=\"#d-documentSha256\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the form")
                .hasSize(2);
    }

    @Test
    void aRefusedSubscriberKeepsTheEmailAndLanguageTypedWithTheErrorNextToTheField() throws Exception {
        int n = openDraft();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = as(Role.PRIVACY_OFFICER);
        var refused = mvc.perform(post("/console/governance/policies/privacy-policy/subscribers")
                        .session(session)
                        .with(csrf())
                        .param("email", "jean@intranet")
                        .param("language", "en"))
                .andExpect(redirectedUrl(page + "#refused"))
                .andReturn();
        var html = shown(page, session, refused);
        var form = html.substring(
                html.indexOf("id=\"subscriber-form\""),
                html.indexOf("</form>", html.indexOf("id=\"subscriber-form\"")));
        assertThat(tag(form, "subscriber-email"))
                .contains(
                        "value=\"jean@intranet\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"subscriber-email-error\"");
        assertThat(form)
                .containsPattern(
                        "id=\"subscriber-email-error\"[^>]*>Ce n’est pas une adresse courriel[^<]*</p>\\s*<input")
                .containsPattern("<option(?=[^>]*value=\"en\")(?=[^>]*selected)[^>]*>")
                .containsPattern("id=\"refused\"[^>]*data-error-summary");
        assertThat(html.split("id=\"refused\"", -1))
                .as("one refusal, in the form")
                .hasSize(2);
        assertThat(html).as("not added").doesNotContain("jean@intranet (");
    }

    /** The page the refusal redirected to, as the browser follows it (what was typed is kept in the session). */
    private String shown(String page, MockHttpSession session, MvcResult refused) throws Exception {
        assertThat(refused.getFlashMap().getTargetRequestPath()).isEqualTo(page);
        return mvc.perform(get(page).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A policy section's HTML, from its opening tag to its end. */
    private static String section(String html, String key) {
        var start = html.lastIndexOf("<section", html.indexOf("id=\"" + key + "\""));
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The opening tag of the element of that id. */
    private static String tag(String html, String id) {
        var matcher = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("an element " + id).isTrue();
        return matcher.group();
    }
}
