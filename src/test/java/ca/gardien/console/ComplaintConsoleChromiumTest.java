package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the system's Chromium: the portal's complaint form passes axe-core in French and English; the person in charge
 * enters a complaint received by mail with its scan, assigns it, requests information (the clock stops), records it
 * received (a new due date), adds a note and a document, answers and closes, and each step is a ledger fact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintConsoleChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    EvidenceLedger ledger;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void thePortalComplaintFormPassesAxeInFrenchAndEnglish() throws Exception {
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("portal"))) {
            browser.go("/privacy/complaints/new");
            assertThat(browser.language()).isEqualTo("fr");
            assertThat(browser.seriousAxeViolations()).isEmpty();
            assertThat(browser.session().evaluate("document.querySelector('label[for=phone]').textContent"))
                    .contains("(obligatoire)");
            assertThat(browser.session().evaluate("document.getElementById('phone').getAttribute('aria-required')"))
                    .isEqualTo("true");
            browser.go("/privacy/complaints/new?lang=en");
            assertThat(browser.language()).isEqualTo("en");
            assertThat(browser.seriousAxeViolations()).isEmpty();
            assertThat(browser.session().evaluate("document.querySelector('label[for=phone]').textContent"))
                    .contains("(required)");
        }
    }

    @Test
    void theOfficerWorksAMailedComplaintFromEntryToClosingInTheConsole() throws Exception {
        var officer = account("officer", Role.PRIVACY_OFFICER);
        var staff = account("staff", Role.STAFF);
        var today = LocalDate.now(ZoneId.of("America/Toronto"));
        var problems = new ArrayList<String>();
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("officer"))) {
            var page = browser.session();
            browser.signIn(officer[0], officer[1]);
            browser.go("/locale?lang=fr&return=/console/complaints/new");
            browser.go("/console/complaints/new");
            problems.addAll(browser.seriousAxeViolations());
            page.evaluate("document.getElementById('channel').value = 'MAIL';"
                    + "document.getElementById('receivedOn').value = '" + today.minusDays(2) + "';"
                    + "document.getElementById('name').value = 'Camille Synthétique';"
                    + "document.getElementById('phone').value = '+1 514 555 0199';"
                    + "document.getElementById('subject').value = 'Appels après retrait';"
                    + "document.getElementById('reasons').value = 'On m’appelle encore après mon retrait.';"
                    + attach("letter", "scan.pdf", "%PDF-1.4 lettre") + "window.__auditOld = true;"
                    + "document.getElementById('complaint-entry').requestSubmit(); 'sent'");
            page.waitFor("!window.__auditOld && document.getElementById('assign-form')", PageAudit.WAIT);
            var path = page.evaluate("location.pathname");
            var id = path.substring(path.lastIndexOf('/') + 1);
            problems.addAll(browser.seriousAxeViolations());
            var firstDue = page.evaluate("document.getElementById('due').textContent");
            assertThat(LocalDate.parse(firstDue)).isAfter(today.plusDays(26));

            submit(page, "assign-form", "document.getElementById('accountId').value = '" + staff[2] + "';");
            assertThat(page.evaluate("document.getElementById('assigned-to').textContent"))
                    .isEqualTo("Walk staff");
            submit(page, "information-form", "document.getElementById('details').value = 'Le numéro appelé';");
            assertThat(page.evaluate("document.getElementById('due') === null"
                            + " ? document.querySelector('.urgency.STOPPED').textContent : 'a due date'"))
                    .isEqualTo("Délai suspendu"); // no due date while the clock is stopped, said once
            assertThat(page.evaluate("document.getElementById('stopped-on').textContent"))
                    .isEqualTo(today.toString());
            problems.addAll(browser.seriousAxeViolations());
            submit(page, "received-form", "document.getElementById('receivedOn').value = '" + today + "';");
            var newDue = page.evaluate("document.getElementById('due').textContent");
            assertThat(LocalDate.parse(newDue))
                    .isAfterOrEqualTo(today.plusDays(30))
                    .isAfter(LocalDate.parse(firstDue));
            submit(page, "note-form", "document.getElementById('text').value = 'Vérifié auprès du centre d’appels.';");
            submit(page, "document-form", attach("file", "journal.txt", "journal des appels"));
            // the letter, the information request to post (no email address) and the supporting document
            assertThat(page.evaluate("document.querySelectorAll('#documents a').length"))
                    .isEqualTo("3");
            submit(
                    page,
                    "answer-form",
                    "document.getElementById('answer-reasons').value = 'Votre numéro est retiré.';");
            submit(page, "close-form", "");
            assertThat(page.evaluate("document.getElementById('status').textContent"))
                    .isEqualTo("Fermée");
            assertThat(page.evaluate("document.getElementById('timeline').textContent"))
                    .contains("Renseignements supplémentaires demandés", "Renseignements reçus", "Note d")
                    .contains("Réponse motivée envoyée", "Dossier fermé");
            browser.go("/locale?lang=en&return=/console");
            browser.go(path);
            problems.addAll(browser.seriousAxeViolations());
            problems.addAll(
                    PageAudit.wordingProblems(browser.visibleText(), "en", PageAudit.enumConstants("ca.gardien")));

            var expected = List.of(
                    "complaints.received",
                    "complaints.document",
                    "complaints.assigned",
                    "complaints.information-requested",
                    "complaints.information-received",
                    "complaints.note",
                    "complaints.answered",
                    "complaints.closed");
            var facts = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> ledger.about("complaint", id, 100),
                            f -> f.stream().map(LedgerEntry::action).toList().containsAll(expected));
            var received = facts.stream()
                    .filter(f -> f.action().equals("complaints.information-received"))
                    .findFirst()
                    .orElseThrow();
            assertThat(received.payload()).contains(newDue);
            assertThat(facts.toString()).doesNotContain("Camille", "514 555", "retiré");
        }
        assertThat(problems).isEmpty();
    }

    /** Submits a form of the file's page (saying yes to its confirmation) and waits for the page it comes back to. */
    private static void submit(ca.gardien.support.ChromiumSession page, String form, String fill)
            throws InterruptedException {
        page.evaluate(fill + "window.confirm = () => true; window.__auditOld = true;" + "document.getElementById('"
                + form + "').requestSubmit(); 'sent'");
        page.waitFor("!window.__auditOld && document.readyState === 'complete'", PageAudit.WAIT);
        assertThat(page.evaluate(
                        "document.getElementById('refused') ? document.getElementById('refused').textContent : 'none'"))
                .as(form)
                .isEqualTo("none");
    }

    /** A script that puts a file into a file input, as if chosen. */
    private static String attach(String input, String name, String content) {
        return "(() => { const t = new DataTransfer(); t.items.add(new File(['" + content + "'], '" + name
                + "', {type: '" + (name.endsWith(".pdf") ? "application/pdf" : "text/plain") + "'}));"
                + " document.getElementById('" + input + "').files = t.files; })();";
    }

    private String[] account(String who, Role role) {
        var username = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Walk " + who, initial, Set.of(role), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        return new String[] {username, password, account.id().toString()};
    }
}
