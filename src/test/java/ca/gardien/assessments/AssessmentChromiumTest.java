package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.Transfer;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.TestPasswords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * In the system's Chromium, the officer opens the assessment the data map started for a new transfer outside Québec,
 * sees its pre-filled answers, answers a question (saved as one goes), adds a measure, rates a risk, marks the measure
 * done, takes it through consultation, review and approval (each step saying what happened and what comes next),
 * downloads the report in English, and sees the gap gone from the data map's gaps; every step is a ledger fact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentChromiumTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ca.gardien.organization.OrganizationTime time;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Inventory inventory;

    @Autowired
    AssessmentStore store;

    @Autowired
    EvidenceLedger ledger;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theOfficerAnswersAPrefilledAssessmentAddsAMeasureApprovesItAndSeesTheGapGone() throws Exception {
        var transfer = "sauvegarde-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.apply(
                new ClassPathResource("demo/ingeno.yaml").getContentAsString(StandardCharsets.UTF_8), Actor.SYSTEM);
        inventory.apply(
                inventory.documentWith(new Transfer(
                        transfer, "US", "hosting-provider", List.of("contact"), "ENG-2024-02", null, false)),
                Actor.SYSTEM);
        var id = store.latest("transfers/" + transfer).orElseThrow().id();
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create(username, "Test officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        try (var officer = ChromiumSession.open(url("/login"), profiles.resolve("officer"))) {
            officer.waitFor("document.getElementById('password')", WAIT);
            officer.evaluate("document.getElementById('username').value = '" + username + "';"
                    + "document.getElementById('password').value = '" + password + "';"
                    + "document.getElementById('password').form.requestSubmit(); 'sent'");
            officer.waitFor("location.pathname === '/console'", WAIT);
            assertThat(officer.evaluate("document.body.textContent")).contains("Évaluations des facteurs");
            go(officer, "/console/inventory/gaps");
            // the gap's row links to the transfer's form (its words are shown, not the data map's path)
            assertThat(officer.evaluate("document.body.innerHTML")).contains("id=" + transfer);

            go(officer, "/console/assessments?status=DRAFT");
            officer.waitFor("document.querySelector('[data-assessment=\"" + id + "\"]')", WAIT);
            go(officer, "/console/assessments/" + id);
            officer.waitFor("document.getElementById('questionnaire') && window.htmx", WAIT);
            assertThat(officer.evaluate("document.getElementById('q-destination').value"))
                    .isEqualTo("États-Unis");
            assertThat(officer.evaluate("String(!!document.querySelector('[data-prefilled=\"destination\"]'))"))
                    .isEqualTo("true");
            officer.evaluate("const s = document.getElementById('q-adequate'); s.value = 'yes';"
                    + "s.dispatchEvent(new Event('change', {bubbles: true})); 'changed'");
            officer.waitFor(
                    "document.getElementById('save-status').textContent.includes('Réponses enregistrées')", WAIT);
            officer.screenshot(Path.of("docs/images/assessment-form-fr.png"), 1000, 1400);

            // sent twice in a row (a double click): the console's script holds the second back (officer's review)
            assertThat(officer.evaluate("const held = [];"
                            + "document.addEventListener('submit', e => held.push(e.defaultPrevented));"
                            + "document.getElementById('measure-kind').value = 'contractual';"
                            + "document.getElementById('measure-description').value = 'Clause de sous-traitance';"
                            + "document.getElementById('measure-owner').value = 'Service juridique';"
                            + "document.getElementById('measure-dueOn').value = '2030-01-31';"
                            + "const form = document.getElementById('add-measure');"
                            + "form.requestSubmit(); form.requestSubmit(); JSON.stringify(held)"))
                    .isEqualTo("[false,true]");
            officer.waitFor(
                    "document.getElementById('measures')"
                            + " && document.getElementById('measures').textContent.includes('Clause de sous-traitance')",
                    WAIT);
            assertThat(store.find(id).orElseThrow().measures()).hasSize(1);
            assertThat(officer.evaluate("document.getElementById('done').textContent"))
                    .contains("Mesure ajoutée");

            officer.evaluate("document.getElementById('risk-description').value = 'Accès par une autorité étrangère';"
                    + "document.getElementById('risk-likelihood').value = '3';"
                    + "document.getElementById('risk-severity').value = '4';"
                    + "document.getElementById('risk-residualLikelihood').value = '1';"
                    + "document.getElementById('risk-residualSeverity').value = '4'; 'ok'");
            submit(officer, "add-risk", "document.getElementById('risks')");
            assertThat(officer.evaluate("document.getElementById('risks').textContent"))
                    .contains("Accès par une autorité étrangère", "3 × 4 = 12");
            assertThat(officer.evaluate("document.getElementById('done').textContent"))
                    .contains("Risque évalué", "Prochaine étape");

            // the measure is done: asked to confirm, then shown with its day
            officer.evaluate("window.confirm = function () { window.__asked = true; return true; }; 'ok'");
            submit(officer, "measure-done", "!document.getElementById('measure-done')");
            assertThat(officer.evaluate("document.getElementById('measures').textContent"))
                    .contains("Service juridique", "2030-01-31", time.today().toString());
            assertThat(officer.evaluate("document.getElementById('done').textContent"))
                    .contains("Mesure marquée comme réalisée");
            submit(officer, "assign-me", "document.getElementById('consult')");
            officer.evaluate("document.getElementById('consult-note').value = 'Consultée dès le début.'; 'ok'");
            submit(officer, "consult", "document.getElementById('review-form')");
            officer.evaluate("document.getElementById('review-note').value = 'Revue complète.'; 'ok'");
            submit(officer, "review-form", "document.getElementById('decision-form')");
            officer.evaluate(
                    "window.confirm = q => true;" // approving asks first (a dialog would hold the page)
                            + "document.getElementById('decision-reasons').value = 'Protection adéquate.';"
                            + "document.getElementById('approve').click(); 'sent'");
            officer.waitFor("document.getElementById('sha256')", WAIT);
            assertThat(officer.evaluate("document.getElementById('done').textContent"))
                    .contains("Évaluation approuvée", "Prochaine étape");
            assertThat(officer.evaluate("document.getElementById('status').textContent"))
                    .contains("Approuvée");
            assertThat(officer.evaluate("document.getElementById('q-adequate').value"))
                    .isEqualTo("yes");

            // the report in English, as the officer downloads it: the PDF of the link "PDF in English"
            var pdf = officer.evaluateAwaiting("fetch(document.getElementById('report-pdf-other').href)"
                    + ".then(r => r.headers.get('Content-Type').startsWith('application/pdf') ? r.arrayBuffer() : null)"
                    + ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
                    + " return btoa(s); })");
            String text;
            try (var document = org.apache.pdfbox.Loader.loadPDF(
                    java.util.Base64.getDecoder().decode(pdf))) {
                text = new org.apache.pdfbox.text.PDFTextStripper()
                        .getText(document)
                        .replaceAll("\\s+", " ")
                        .replace("- ", "-"); // a word cut at its hyphen by a narrow column reads whole
            }
            assertThat(text)
                    .contains("Would the information receive adequate protection?", "Yes")
                    .contains("Cloud hosting provider (synthetic)", "United States")
                    .contains("Clause de sous-traitance", "Accès par une autorité étrangère", "Approved")
                    .doesNotContain("transfers/");

            go(officer, "/console/inventory/gaps");
            assertThat(officer.evaluate("document.body.innerHTML")).doesNotContain("id=" + transfer);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ledger.about("assessment", id.toString(), 100).stream()
                                .map(LedgerEntry::action)
                                .toList())
                        .contains(
                                "assessments.started",
                                "assessments.answered",
                                "assessments.measure-added",
                                "assessments.risk-rated",
                                "assessments.measure-done",
                                "assessments.assigned",
                                "assessments.consulted",
                                "assessments.reviewed",
                                "assessments.approved"));
    }

    private void go(ChromiumSession session, String path) throws InterruptedException {
        session.evaluate("location.href = '" + path + "'; 'go'");
        session.waitFor(
                "location.pathname === '" + path.replaceAll("\\?.*", "") + "' && document.readyState === 'complete'",
                WAIT);
    }

    /**
     * Submits a form and waits for {@code then} on the page that answers: the old page is marked first, so a condition it
     * already met does not pass while the browser is still navigating (the review form is on the page before and after).
     */
    private void submit(ChromiumSession session, String form, String then) throws InterruptedException {
        session.evaluate("window.__before = true; document.getElementById('" + form + "').requestSubmit(); 'sent'");
        session.waitFor("!window.__before && document.readyState === 'complete' && (" + then + ")", WAIT);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
