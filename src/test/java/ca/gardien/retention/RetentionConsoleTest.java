package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * Retention in the console, as the officer runs it: the rule with its tables, a dry run, its figures approved, the
 * destruction and its certificate; a hold refused without a reason keeps what was typed and names the field; an
 * auditor reads but cannot act; the dashboard's tile counts what awaits.
 */
class RetentionConsoleTest extends PlantedShop {

    /** An officer of this test's own: the page language is kept per account, and the shared officer's must not move. */
    private MockHttpSession officer() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        return login(person.username(), person.password());
    }

    private String page(MockHttpSession session, String lang) throws Exception {
        var response = mvc.perform(get("/console/retention").session(session).param("lang", lang))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The page as a step's redirect shows it, with what the step flashed. */
    private String said(MockHttpSession session, org.springframework.test.web.servlet.MvcResult step) throws Exception {
        return mvc.perform(get("/console/retention")
                        .session(session)
                        .param("lang", "en")
                        .flashAttrs(step.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void awaitIdle(MockHttpSession session) throws Exception {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !page(session, "en").contains("data-status=\"RUNNING\""));
    }

    @Test
    void theOfficerDryRunsApprovesDestroysAndDownloadsTheCertificate() throws Exception {
        var officer = officer();
        var first = page(officer, "fr");
        assertThat(first)
                .contains("Conservation et destruction")
                // the rule's trigger event in words, not the data map's id (officer review, 2026-12-05)
                .contains("6 ans après la clôture de la commande")
                .contains("3 ans après la dernière activité")
                .doesNotContain("order-closed", "last-activity")
                .contains("orders (base « " + connector + " », colonne de déclenchement closed_at)")
                .contains("Registre des anonymisations à compléter");
        var register = mvc.perform(get("/console/retention/anonymizations.csv").session(officer))
                .andReturn()
                .getResponse();
        assertThat(register.getStatus()).isEqualTo(200);
        assertThat(register.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFRègle,");

        var started = mvc.perform(post("/console/retention/runs")
                        .session(officer)
                        .with(csrf())
                        .param("rule", "orders")
                        .param("dryRun", "true"))
                .andReturn();
        // each step says what it did, not a bare "Done." (officer's walk)
        assertThat(said(officer, started)).contains("id=\"done\"", "The dry run has started: it counts what the rule");
        awaitIdle(officer);
        var reviewed = page(officer, "en");
        assertThat(reviewed)
                .contains("Dry run completed")
                .contains("100 rows of the rule, 233 related rows")
                .contains("A dry run awaits your approval")
                // sweeps are off here: approving destroys nothing by itself, and the dialog says so
                .contains("Approve these figures</button>")
                .contains("Automatic sweeps are off: nothing is destroyed until you start the destruction.")
                .doesNotContain("Destruction scheduled");
        var approval = Pattern.compile("/console/retention/runs/([0-9a-f-]{36})/approval")
                .matcher(reviewed);
        assertThat(approval.find()).isTrue();
        var approved = mvc.perform(post(approval.group()).session(officer).with(csrf()))
                .andReturn();
        assertThat(said(officer, approved))
                .contains("The dry run is approved: destruction may now follow its figures.");
        mvc.perform(post("/console/retention/runs")
                        .session(officer)
                        .with(csrf())
                        .param("rule", "orders")
                        .param("dryRun", "false"))
                .andReturn();
        awaitIdle(officer);
        var destroyed = page(officer, "en");
        assertThat(destroyed).contains("Destruction completed").contains("100 rows of the rule, 233 related rows");
        var certificate = Pattern.compile("/console/retention/runs/([0-9a-f-]{36})/certificate.pdf")
                .matcher(destroyed);
        assertThat(certificate.find()).isTrue();
        var pdf = mvc.perform(get(certificate.group()).session(officer))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // times as every document writes them, never the zone's raw id; the attestation names who signs
            assertThat(text)
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [A-Z]{2,5}")
                    .doesNotContain("America/", "(UTC)", "Etc/");
            assertThat(text.replaceAll("\\s+", " "))
                    .contains("______________________________ ")
                    .containsPattern("_{30} \\S");
        }
        assertThat(shop.snapshot().get("orders")).hasSize(100);
        assertThat(destroyed).contains("6 years after the closing of the order");
        // the ledger names what a retention fact is about in words
        var ledger = mvc.perform(get("/console/ledger")
                        .session(officer)
                        .param("lang", "fr")
                        .param("action", "retention.run.started"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ledger).contains("<span>Passage de conservation</span>").doesNotContain("<span>Élément</span>");
        // a run by its rule and day, linking to its rule, never by its id
        // (officer's walk: "Passage de conservation passage du …": its kind said once)
        assertThat(readAsText(ledger).replaceAll("<[^>]+>", " "))
                .containsPattern(
                        "Passage de conservation\\s+de la règle «\u202f[^»]+\u202f», lancé le \\d{4}-\\d{2}-\\d{2}")
                .doesNotContain("passage du");
        assertThat(ledger).contains("href=\"/console/retention#rule-");
    }

    @Test
    void aHoldWithoutAReasonIsRefusedNamingTheFieldAndKeepsWhatWasTyped() throws Exception {
        var officer = officer();
        var refused = mvc.perform(post("/console/retention/holds")
                        .session(officer)
                        .with(csrf())
                        .param("connector", connector)
                        .param("table", "orders")
                        .param("reason", " "))
                .andReturn();
        var flash = refused.getFlashMap();
        assertThat(String.valueOf(flash.get("refused")))
                .contains("Raison : Indiquez la raison de la garde, en 2000 caractères au plus.");
        assertThat(String.valueOf(flash.get("holdForm"))).contains(connector);
        // the connector comes back chosen from the registered ones; no identifier typed, none asked again
        var shown = mvc.perform(get("/console/retention").session(officer).flashAttrs(flash))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(shown)
                .containsPattern("<select id=\"connector\" name=\"connector\"[^>]*>")
                .containsPattern("<option value=\"" + connector + "\"[^>]*selected=\"selected\"")
                .doesNotContain("id=\"subject-retype\"");

        // a person's identifier is not kept across a refusal, and the form says to type it again
        var withPerson = mvc.perform(post("/console/retention/holds")
                        .session(officer)
                        .with(csrf())
                        .param("subjectKind", "email")
                        .param("subject", "held-person@example.test")
                        .param("reason", " "))
                .andReturn();
        assertThat(String.valueOf(withPerson.getFlashMap().get("holdForm"))).doesNotContain("held-person");
        var again = mvc.perform(get("/console/retention").session(officer).flashAttrs(withPerson.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(again)
                .contains("id=\"subject-retype\"")
                .contains("l’identifiant de la personne n’est pas gardé après un refus")
                .doesNotContain("held-person@example.test");
        var placed = mvc.perform(post("/console/retention/holds")
                        .session(officer)
                        .with(csrf())
                        .param("connector", connector)
                        .param("table", "orders")
                        .param("reason", "tax audit 2026"))
                .andReturn();
        assertThat(String.valueOf(placed.getFlashMap().get("done"))).isEqualTo("hold-placed"); // said in words
        var page = page(officer, "en");
        assertThat(page).contains("tax audit 2026").contains(connector + " / orders");
        var dashboard = mvc.perform(get("/console").session(officer).param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard).contains("1 active legal hold");
    }

    /** The forms' addresses opened by GET (a reload, Back, typed) are the page, not a 405 (officer's walk). */
    @Test
    void theFormsAddressesOpenedDirectlyLeadToThePage() throws Exception {
        var officer = officer();
        mvc.perform(get("/console/retention/runs").session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/retention"));
        mvc.perform(get("/console/retention/holds").session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/retention#holds"));
    }

    @Test
    void anUnreadableEndIsNamedWithTheFormsOtherErrorsEachAtItsField() throws Exception {
        var refused = mvc.perform(post("/console/retention/holds")
                        .session(officer())
                        .with(csrf())
                        .param("connector", connector)
                        .param("table", "no_such_table")
                        .param("reason", " ")
                        .param("endsOn", "2027-13-45"))
                .andReturn();
        @SuppressWarnings("unchecked")
        var errors = (java.util.Map<String, String>) refused.getFlashMap().get("fieldErrors");
        assertThat(errors).containsOnlyKeys("table", "reason", "endsOn");
        assertThat(errors.get("endsOn"))
                .isEqualTo("La fin de la garde doit être une date à venir, dans les 100 prochaines années.");
        assertThat(String.valueOf(refused.getFlashMap().get("holdForm"))).contains("2027-13-45");
    }

    @Test
    void anAuditorReadsButCannotRunApproveOrHoldAndStaffCannotRead() throws Exception {
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        assertThat(page(session, "en")).contains("Retention and destruction").doesNotContain("Dry run</button>");
        var tried = mvc.perform(post("/console/retention/runs")
                        .session(session)
                        .with(csrf())
                        .param("rule", "orders"))
                .andReturn()
                .getResponse();
        assertThat(tried.getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/console/retention/runs/" + UUID.randomUUID() + "/approval")
                                .session(session)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        var staff = person(Role.STAFF);
        var staffSession = login(staff.username(), staff.password());
        assertThat(mvc.perform(get("/console/retention").session(staffSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
