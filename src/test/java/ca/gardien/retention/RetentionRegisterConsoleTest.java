package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The register of anonymizations in the console: the officer records an anonymizing rule's entry (purposes first) and
 * a risk analysis on the three criteria, and reads them in the register with its CSV; a refused form keeps what was
 * typed and names every field in error at once, next to it and in a summary; auditors read but cannot record, staff
 * cannot read, and a form without its CSRF token is refused.
 */
class RetentionRegisterConsoleTest extends PlantedShop {

    private static final String FORM = "/console/retention/anonymizations/dormant";

    private MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    /** The page as the browser shows it after a redirect: the session carries what the last step flashed. */
    private String read(MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session).param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String readIn(MockHttpSession session, String path, String lang) throws Exception {
        return mvc.perform(get(path).session(session).param("lang", lang))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult send(MockHttpSession session, String path, String... namesAndValues) throws Exception {
        var request = post(path).session(session).with(csrf());
        for (int i = 0; i < namesAndValues.length; i += 2) request.param(namesAndValues[i], namesAndValues[i + 1]);
        return mvc.perform(request).andReturn();
    }

    @Test
    void theOfficerRecordsTheEntryThenAnAnalysisAndReadsThemInTheRegister() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        read(officer, "/console/retention/anonymizations"); // the account's language is now English
        var entry = send(
                officer,
                FORM + "/entry",
                "purposes",
                "Purchase statistics by region",
                "information",
                "Email and name of customers inactive for three years",
                "supervisor",
                "Data protection analyst (certified)",
                "techniques",
                "Suppression of direct identifiers",
                "securityMeasures",
                "Kept apart; access restricted to analysts");
        assertThat(entry.getResponse().getRedirectedUrl()).isEqualTo(FORM);
        assertThat((Map<String, Object>) entry.getFlashMap())
                .containsKey("done")
                .doesNotContainKey("refused");
        var form = read(officer, FORM);
        assertThat(form).contains("Recorded in the register.").contains("id=\"analysis-form\"");

        var analysis = send(
                officer,
                FORM + "/analyses",
                "analysedOn",
                LocalDate.now().minusDays(2).toString(),
                "individualization",
                "No field isolates a customer",
                "correlation",
                "No dataset joins on the removed identifiers",
                "inference",
                "Region and year only",
                "veryLow",
                "true");
        assertThat((Map<String, Object>) analysis.getFlashMap())
                .containsKey("done")
                .doesNotContainKey("refused");
        var register = read(officer, "/console/retention/anonymizations");
        assertThat(register)
                .contains("Dormant customers")
                .contains("Purchase statistics by region")
                .contains("No field isolates a customer")
                .contains("very low risk")
                .contains("Register of anonymizations: entry and risk analysis (very low) done.")
                .contains("to update by")
                .contains("href=\"/console/retention/anonymizations.csv\"")
                .contains("href=\"" + FORM + "\"");
        var csv = mvc.perform(get("/console/retention/anonymizations.csv").session(officer))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Purchase statistics by region");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndNamesEveryFieldInErrorNextToItAndInTheSummary() throws Exception {
        var officer = session(Role.DELEGATE);
        read(officer, "/console/retention/anonymizations");
        var refused = send(
                officer,
                FORM + "/entry",
                "purposes",
                " ",
                "information",
                "Typed information kept",
                "supervisor",
                "",
                "techniques",
                "Typed techniques kept",
                "securityMeasures",
                "Typed measures kept");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(FORM);
        assertThat((Map<String, String>) refused.getFlashMap().get("fieldErrors"))
                .containsOnlyKeys("purposes", "supervisor");
        var shown = read(officer, FORM);
        assertThat(shown)
                .contains("Correct the fields marked below.")
                .contains("href=\"#purposes\"")
                .contains("href=\"#supervisor\"")
                .contains("id=\"purposes-error\"")
                .contains("id=\"supervisor-error\"")
                .contains(">Typed information kept</textarea>")
                .contains(">Typed measures kept</textarea>");

        send(
                officer,
                FORM + "/entry",
                "purposes",
                "Statistics",
                "information",
                "Names",
                "supervisor",
                "Analyst",
                "techniques",
                "Suppression",
                "securityMeasures",
                "Apart");
        assertThat(read(officer, FORM)).contains("Recorded in the register.");
        var badAnalysis = send(
                officer,
                FORM + "/analyses",
                "analysedOn",
                "2999-01-01",
                "individualization",
                "Typed reasoning kept",
                "correlation",
                "",
                "inference",
                " ");
        assertThat((Map<String, String>) badAnalysis.getFlashMap().get("fieldErrors"))
                .containsOnlyKeys("analysedOn", "correlation", "inference", "veryLow");
        var again = read(officer, FORM);
        assertThat(again)
                .contains("href=\"#veryLow\"")
                .contains("id=\"analysedOn-error\"")
                .contains("value=\"2999-01-01\"")
                .contains(">Typed reasoning kept</textarea>");
    }

    /** The officer's review of 2026-12-05: "requis (true ou false)", "requise", "4 000" and no required marks. */
    @Test
    void everyErrorIsASentenceNamingItsFieldInFrenchAndEnglishAndRequiredFieldsAreMarked() throws Exception {
        var officer = session(Role.DELEGATE);
        var empty = readIn(officer, FORM, "fr");
        assertThat(empty)
                .contains("<span class=\"required\">(obligatoire)</span>")
                .contains("Les champs marqués (obligatoire) doivent être remplis.")
                .containsPattern(
                        "<textarea id=\"purposes\" name=\"purposes\" rows=\"3\" required aria-required=\"true\"");
        assertThat(empty.split("<span class=\"required\">", -1)).hasSize(1 + 5); // the five texts of the entry
        // an entry still to complete is not sent to the page it is on (which entries are complete depends on the
        // tests run before: the rules' status lines are read, whatever they say)
        assertThat(readIn(officer, "/console/retention/anonymizations", "fr"))
                .contains("class=\"register-status\"")
                .doesNotContain("voir le registre des anonymisations");

        send(
                officer,
                FORM + "/entry",
                "purposes",
                "",
                "information",
                "x".repeat(4001),
                "supervisor",
                "Analyst",
                "techniques",
                "Suppression",
                "securityMeasures",
                "Apart");
        assertThat(readIn(officer, FORM, "fr"))
                .contains(
                        "<a href=\"#purposes\">Indiquez les fins auxquelles les renseignements anonymisés seront utilisés.</a>")
                .contains("id=\"purposes-error\"")
                .contains(
                        "Le champ « Renseignements anonymisés » compte plus de 4000 caractères : raccourcissez le texte.")
                .contains("aria-describedby=\"information-error\"")
                .doesNotContain("requis (", "is required");

        readIn(officer, FORM, "en");
        send(
                officer,
                FORM + "/entry",
                "purposes",
                "Statistics",
                "information",
                "Names",
                "supervisor",
                " ",
                "techniques",
                "Suppression",
                "securityMeasures",
                "Apart");
        assertThat(readIn(officer, FORM, "en"))
                .contains(
                        "<a href=\"#supervisor\">Name the qualified person who supervises the anonymization, with their role.</a>")
                .contains("<span class=\"required\">(required)</span>");
        send(
                officer,
                FORM + "/entry",
                "purposes",
                "Statistics",
                "information",
                "Names",
                "supervisor",
                "Analyst",
                "techniques",
                "Suppression",
                "securityMeasures",
                "Apart");
        assertThat(readIn(officer, FORM, "en")).contains("Recorded in the register.");
        send(
                officer,
                FORM + "/analyses",
                "analysedOn",
                "",
                "individualization",
                "a",
                "correlation",
                "b",
                "inference",
                "c");
        assertThat(readIn(officer, FORM, "en"))
                .contains("Give the date of the re-identification risk analysis.")
                .contains(
                        "Choose the conclusion of the analysis: the re-identification risk is very low, or it is not.")
                .doesNotContain("true or false");
        readIn(officer, FORM, "fr");
        send(
                officer,
                FORM + "/analyses",
                "analysedOn",
                "2023-12-31",
                "individualization",
                "a",
                "correlation",
                "b",
                "inference",
                "c");
        assertThat(readIn(officer, FORM, "fr"))
                .contains(
                        "La date de l’analyse doit être aujourd’hui ou une date passée, au plus tôt le 1er janvier 2024.")
                .contains(
                        "Choisissez la conclusion de l’analyse : le risque de réidentification est très faible, ou il ne l’est pas.")
                .doesNotContain("true ou false");
    }

    @Test
    void auditorsReadTheRegisterButCannotRecordStaffCannotReadAndAFormNeedsItsCsrfToken() throws Exception {
        var auditor = session(Role.AUDITOR);
        assertThat(read(auditor, "/console/retention/anonymizations"))
                .contains("Register of anonymizations")
                .doesNotContain("href=\"" + FORM + "\"");
        assertThat(mvc.perform(get(FORM).session(auditor))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(auditor, FORM + "/entry", "purposes", "x").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(send(auditor, FORM + "/analyses", "inference", "x")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        var staff = session(Role.STAFF);
        assertThat(mvc.perform(get("/console/retention/anonymizations").session(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(mvc.perform(post(FORM + "/entry").session(officer).param("purposes", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/console/retention/anonymizations/orders").session(officer))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // a rule that destroys has no page: recording for it answers 404, not a redirect to a missing page
        assertThat(mvc.perform(post("/console/retention/anonymizations/orders/entry")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .session(officer)
                                .param("purposes", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
