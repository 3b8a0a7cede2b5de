package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A text box's text keeps its lines (the CR LF a browser sends or an LF): a provider's measures, a register entry's
 * details, a policy section; any other control character is still refused. The pages show the lines; the notice's list
 * keeps one item per entry.
 */
class MultiLineFieldsTest extends GovernanceTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.inventory.NoticeVersions notices;

    @Test
    void aProvidersMeasuresOnSeveralLinesAreRecordedAndShownOnTheirLines() throws Exception {
        mvc.perform(post("/api/v1/inventory/apply")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType("application/yaml")
                        .content(new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        clock.setDay("2026-02-01");
        var session = as(Role.PRIVACY_OFFICER);
        var commit = RegisterPages.PROVIDERS + "/payroll-provider/commitments";
        var document = new MockMultipartFile("document", "engagement.pdf", "application/pdf", new byte[] {1, 2, 3});
        mvc.perform(multipart(commit)
                        .file(document)
                        .param("signedOn", "2026-01-15")
                        .param("measures", "Chiffrement au repos.\u0007\r\nAccès restreint.")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("refused"));
        var measures = "Chiffrement au repos. " + unique("m");
        mvc.perform(multipart(commit)
                        .file(document)
                        .param("signedOn", "2026-01-15")
                        .param("measures", measures + "\r\nAccès restreint.")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("done"));
        var html = mvc.perform(get(RegisterPages.PROVIDERS).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<p class=\"lines\">" + measures + "\nAccès restreint.</p>");
        // the API takes them too
        send(officerBearer(), "/api/v1/governance/providers/payroll-provider/commitments", """
                {"documentSha256":"%s","signedOn":"2026-01-16","measures":"Chiffrement.\\r\\nAccès restreint.\\nDestruction."}""".formatted(
                                "c".repeat(64)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measures").value("Chiffrement.\nAccès restreint.\nDestruction."));
    }

    @Test
    void aRegisterEntrysDetailsOnSeveralLinesAreRecordedAndTheNoticeKeepsOneItemPerEntry() throws Exception {
        var session = as(Role.PRIVACY_OFFICER);
        var name = unique("Géolocalisation");
        mvc.perform(post(RegisterPages.REGISTERS)
                        .session(session)
                        .with(csrf())
                        .param("kind", "TECHNOLOGY")
                        .param("nameFr", name)
                        .param("nameEn", name)
                        .param("detailFr", "Désactivée par défaut.\r\nActivez-la dans Préférences.")
                        .param("detailEn", "Off by default.\r\nTurn it on in Preferences."))
                .andExpect(flash().attributeExists("done"));
        var html = mvc.perform(get(RegisterPages.REGISTERS).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("<strong>" + name + "</strong> — <span class=\"lines\">Désactivée par défaut.\n"
                        + "Activez-la dans Préférences.</span>");
        // in the notice, an entry's lines are one item: a line end would end it, or start a title
        var folded = unique("Folded");
        send(officerBearer(), "/api/v1/governance/registers", """
                {"kind":"TECHNOLOGY","nameFr":"%s","nameEn":"%s","detailFr":"Désactivée.","detailEn":"Off by default.\\n\\n## Turn it on\\n"}""".formatted(folded, folded))
                .andExpect(status().isCreated());
        assertThat(notices.draft(java.util.Locale.ENGLISH))
                .contains(folded + " — Off by default. ## Turn it on\n")
                .doesNotContain("\n## Turn it on");
        send(officerBearer(), "/api/v1/governance/registers", """
                {"kind":"DECISION","nameFr":"Tri","nameEn":"Sorting","detailFr":"Revenu.\\nHistorique.","detailEn":"Income.\\u202e"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("detailEn")));
    }

    @Test
    void aTextBoxTakesLineEndsAndTabsButNoOtherControlCharacter() {
        var errors = new java.util.ArrayList<ca.gardien.shared.FieldError>();
        GovernanceText.WORDS.prose(errors, "crlf", "Chiffrement au repos.\r\nAccès restreint.", 2000, true);
        GovernanceText.WORDS.prose(errors, "lf", "Chiffrement au repos.\nAccès restreint.", 2000, true);
        GovernanceText.WORDS.prose(errors, "cr", "Chiffrement au repos.\rAccès restreint.", 2000, true);
        GovernanceText.WORDS.prose(errors, "nul", "Chiffrement\u0000", 2000, true);
        GovernanceText.WORDS.prose(errors, "tab", "Chiffrement\tau repos", 2000, true);
        GovernanceText.WORDS.prose(errors, "bidi", "Chiffrement \u202eeiram", 2000, true);
        GovernanceText.WORDS.prose(errors, "surrogate", "Chiffrement \ud800", 2000, true);
        GovernanceText.WORDS.prose(
                errors, "long", "ab\r\n".repeat(3), 9, true); // 9 as the box counts it: "ab\n" three times
        assertThat(errors)
                .extracting(ca.gardien.shared.FieldError::field)
                .containsExactly("cr", "nul", "bidi", "surrogate"); // a tab, as every text box of the console takes it
    }

    @Test
    void aOneLineFieldRefusesALineEndAndADelegationsEmailMustBeAnAddress() throws Exception {
        // attacker's review: a heading, a name or an email with a line end forged lines of the policy and of mail
        send(officerBearer(), "/api/v1/governance/person-in-charge/delegations", """
                {"name":"Alex Synthétique","title":"Délégué","email":"a@example.test\\nBcc: x@example.test",
                 "scope":"WHOLE","startsOn":"2026-01-01","documentSha256":"%s"}""".formatted("a".repeat(64)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("email")));
        send(officerBearer(), "/api/v1/governance/person-in-charge/delegations", """
                {"name":"Alex Synthétique","title":"Délégué","email":"jean@intranet",
                 "scope":"WHOLE","startsOn":"2026-01-01","documentSha256":"%s"}""".formatted("a".repeat(64)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("email")));
        send(officerBearer(), "/api/v1/governance/registers", """
                {"kind":"TECHNOLOGY","nameFr":"Titre\\n== Injecté","nameEn":"Title","detailFr":"a","detailEn":"b"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("nameFr")));
    }
}
