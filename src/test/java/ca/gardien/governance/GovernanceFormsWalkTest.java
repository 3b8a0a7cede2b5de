package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an officer walking the governance pages reported: an absence refused comes back as typed with its error by its
 * field; every required field says so; each button says its own step; sending back to draft is its own action, every
 * return stays on the version once approved and the ledger names the version; a saved section is named.
 */
class GovernanceFormsWalkTest extends GovernanceTestSupport {

    private static final String NNBSP = "\u202f";

    @Test
    void anAbsenceEndingBeforeItStartsComesBackAsTypedWithItsErrorNextToTheEndField() throws Exception {
        as(Role.DELEGATE); // a delegate account, so that the substitute's form is offered
        var session = as(Role.PRIVACY_OFFICER);
        mvc.perform(post(OfficerPages.PAGE + "/absences")
                        .session(session)
                        .with(csrf())
                        .param("startsOn", "2046-10-10")
                        .param("endsOn", "2046-10-01"))
                .andExpect(redirectedUrl(OfficerPages.PAGE + "#refused"));
        var html = consolePage(OfficerPages.PAGE, session);
        var form = form(html, "absence-form");
        assertThat(tag(form, "a-startsOn")).contains("value=\"2046-10-10\"").doesNotContain("aria-invalid");
        assertThat(tag(form, "a-endsOn"))
                .contains("value=\"2046-10-01\"", "aria-invalid=\"true\"", "aria-describedby=\"a-endsOn-error\"");
        assertThat(form)
                .containsPattern("id=\"a-endsOn-error\"[^>]*>La fin précède le début.</p>\\s*<input")
                .containsPattern("id=\"refused\"[^>]*data-error-summary")
                .contains("Corrigez les champs signalés.", "href=\"#a-endsOn\"");
        assertThat(html.split("id=\"refused\"", -1))
                .as("said once, in the form")
                .hasSize(2);
        assertThat(html).doesNotContain("Refusé");
    }

    @Test
    void everyRequiredFieldOfTheOfficersFormsIsMarkedAndEachButtonSaysItsStep() throws Exception {
        as(Role.DELEGATE);
        var html = consolePage(OfficerPages.PAGE, as(Role.PRIVACY_OFFICER));
        for (var id : new String[] {"s-accountId", "s-title", "s-startsOn", "a-startsOn", "a-endsOn", "d-name"}) {
            assertThat(html)
                    .as(id + " marked required")
                    .containsPattern("<label for=\"" + id + "\"><span>[^<]+</span> <span class=\"required\">"
                            + "\\(obligatoire\\)</span></label>");
            assertThat(tag(html, id)).contains("required");
        }
        assertThat(html)
                .contains(">Consigner la délégation</button>", ">Désigner le substitut</button>")
                .contains(">Consigner l’absence</button>")
                .doesNotContain(">Consigner</button>");
    }

    @Test
    void everyRequiredFieldOfEveryGovernanceFormIsMarkedByItsLabel() throws Exception {
        as(Role.DELEGATE);
        var session = as(Role.PRIVACY_OFFICER);
        int n = openDraft();
        for (var page : new String[] {
            OfficerPages.PAGE,
            "/console/governance/policies/privacy-policy/versions/" + n,
            "/console/governance/training",
            "/console/governance/registers",
            "/console/governance/providers"
        }) {
            var html = consolePage(page, session);
            var required = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\srequired[^>]*>")
                    .matcher(html);
            int seen = 0;
            while (required.find()) {
                var id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(required.group());
                assertThat(id.find()).as(page + ": a required field has an id").isTrue();
                assertThat(required.group()).as(page + " " + id.group(1)).contains("aria-required=\"true\"");
                assertThat(html)
                        .as(page + ": the label of " + id.group(1) + " says it is required")
                        .containsPattern("<label for=\"" + Pattern.quote(id.group(1))
                                + "\">(?:(?!</label>).)*<span class=\"required\">\\(obligatoire[^<]*</span>");
                seen++;
            }
            assertThat(seen).as(page + ": some required field").isPositive();
            assertThat(html).as(page + ": each button says its step").doesNotContain(">Consigner</button>");
        }
    }

    @Test
    void anEntryAddedToARegisterIsSaidSo() throws Exception {
        var session = as(Role.PRIVACY_OFFICER);
        mvc.perform(post("/console/governance/registers")
                        .session(session)
                        .with(csrf())
                        .param("kind", "SETTING")
                        .param("product", "Portail " + unique("p"))
                        .param("nameFr", "Visibilité du profil")
                        .param("nameEn", "Profile visibility")
                        .param("defaultValue", "privé")
                        .param("mostPrivate", "privé"))
                .andExpect(redirectedUrl("/console/governance/registers"));
        assertThat(consolePage("/console/governance/registers", session))
                .contains("L’entrée est ajoutée au registre.")
                .doesNotContain("C’est consigné.");
    }

    @Test
    void sendingBackIsItsOwnActionAndEveryReturnStaysOnTheVersionOnceApprovedTheLedgerNamingTheVersion()
            throws Exception {
        int n = openDraft();
        var at = POLICIES + "/versions/" + n;
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var officer = as(Role.PRIVACY_OFFICER);
        send(officerBearer(), at + "/review", null).andExpect(status().isOk());
        var inReview = consolePage(page, officer);
        var approve = inReview.substring(inReview.indexOf("id=\"approve-form\""));
        assertThat(approve.substring(0, approve.indexOf("</form>")))
                .as("the approval carries no reason box")
                .doesNotContain("reason");
        assertThat(form(inReview, "return-form"))
                .contains("<legend>Renvoyer en brouillon</legend>")
                .containsPattern("<label for=\"return-reason\"><span>Raison du renvoi en brouillon</span>");

        send(officerBearer(), at + "/return", "{\"reason\":\"Premier renvoi : le §12 manque.\"}")
                .andExpect(status().isOk());
        send(officerBearer(), at + "/review", null).andExpect(status().isOk());
        send(officerBearer(), at + "/return", "{\"reason\":\"Second renvoi : le §15 aussi.\"}")
                .andExpect(status().isOk());
        send(officerBearer(), at + "/review", null).andExpect(status().isOk());
        send(officerBearer(), at + "/approve", null).andExpect(status().isOk());

        var approved = consolePage(page, officer);
        assertThat(approved)
                .contains("Renvoyée en brouillon", "Premier renvoi : le §12 manque.", "Second renvoi : le §15 aussi.");
        assertThat(approved.indexOf("Premier renvoi")).isLessThan(approved.indexOf("Second renvoi"));

        awaitLedgerEntry(
                "governance.returned-to-draft",
                e -> String.valueOf(e.get("payload")).contains("\"version\":\"" + n + "\""));
        var ledger = consolePage("/console/ledger?action=governance.returned-to-draft", officer);
        assertThat(ledger)
                .contains("Version " + n + " de la politique renvoyée en brouillon")
                .doesNotContain("Premier renvoi", "Second renvoi");
    }

    @Test
    void aSavedSectionIsNamedInTheConfirmation() throws Exception {
        int n = openDraft();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = as(Role.PRIVACY_OFFICER);
        mvc.perform(post(page + "/sections/s12")
                        .session(session)
                        .with(csrf())
                        .param("headingFr", "12. Plaintes")
                        .param("headingEn", "12. Complaints")
                        .param("fr", "Texte des plaintes.")
                        .param("en", "Complaints text."))
                .andExpect(redirectedUrl(page + "#s12"));
        assertThat(consolePage(page, session))
                .contains("id=\"done\"", "Section «" + NNBSP + "12. Plaintes" + NNBSP + "» enregistrée.")
                .doesNotContain("C’est consigné.");
    }

    private static String form(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("a form " + id).isNotNegative();
        return html.substring(start, html.indexOf("</form>", start));
    }

    private static String tag(String html, String id) {
        var matcher = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("an element " + id).isTrue();
        return matcher.group();
    }
}
