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
                .contains("Correct these fields:")
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
