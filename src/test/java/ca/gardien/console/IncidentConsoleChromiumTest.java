package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the system's Chromium: the person in charge records an incident in the console, runs the guided assessment,
 * previews both notices, enters their transmission dates and finds them in the register; the new pages pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentConsoleChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theOfficerRecordsAssessesPreviewsAndDatesTheNoticesThenSeesThemInTheRegister() throws Exception {
        var username = "incident-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = "initial-" + UUID.randomUUID();
        var password = "chosen-" + UUID.randomUUID();
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var aware = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(2).withNano(0);
        var today = LocalDate.now(ZoneOffset.ofHours(-5)).toString();
        var title = "Portable oublié " + UUID.randomUUID().toString().substring(0, 6);
        var problems = new ArrayList<String>();
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("officer"))) {
            var page = browser.session();
            browser.signIn(username, password);
            browser.go("/locale?lang=fr&return=/console/incidents/new");
            browser.go("/console/incidents/new");
            problems.addAll(browser.seriousAxeViolations());
            page.evaluate("document.getElementById('title').value = '" + title + "';"
                    + "document.getElementById('occurredOn').value = '" + aware.toLocalDate() + "';"
                    + "document.getElementById('awareAt').value = '" + aware + "';"
                    + "document.getElementById('circumstances').value = 'Un portable a été oublié dans un taxi.';"
                    + "document.getElementById('piDescription').value = 'Noms et diagnostics';"
                    + "document.getElementById('personsCount').value = '12';"
                    + "document.getElementById('incident-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('assessment-form')", PageAudit.WAIT);
            var path = page.evaluate("location.pathname");
            problems.addAll(browser.seriousAxeViolations());

            var fill = new StringBuilder();
            for (var factor : new String[] {"sensitivity", "consequences", "likelihood"}) {
                fill.append("document.getElementById('")
                        .append(factor)
                        .append("').value = 'HIGH';document.getElementById('")
                        .append(factor)
                        .append("Reason').value = 'Renseignements de santé';");
            }
            page.evaluate(fill + "document.getElementById('consultedOn').value = '" + today + "';"
                    + "document.getElementById('consultationNote').value = 'Le responsable est d’accord.';"
                    + "document.getElementById('assessment-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('conclusion')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('unsent').textContent"))
                    .contains("Commission", "Personnes concernées");

            browser.go(path + "/notices/commission?in=fr");
            assertThat(page.evaluate("document.body.textContent")).contains("Noms et diagnostics", "12");
            browser.go(path + "/notices/persons?in=en");
            assertThat(page.evaluate("document.body.textContent")).contains("Un portable a été oublié");

            browser.go(path);
            page.evaluate("document.getElementById('caiNoticeOn').value = '" + today + "';"
                    + "document.getElementById('personsNoticeOn').value = '" + today + "';"
                    + "document.getElementById('notices-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('done')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('timeline').textContent"))
                    .contains("L’avis a été transmis à la Commission", "L’avis a été transmis aux personnes");

            browser.go("/console/incidents?q="
                    + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
            problems.addAll(browser.seriousAxeViolations());
            assertThat(page.evaluate("document.querySelector('#register tbody tr').textContent"))
                    .contains(title);
            assertThat(page.evaluate("document.querySelector('#register .cai-notice-on').textContent"))
                    .isEqualTo(today);
            assertThat(page.evaluate("document.querySelector('#register .persons-notice-on').textContent"))
                    .isEqualTo(today);
            browser.go("/locale?lang=en&return=/");
            browser.go(path);
            problems.addAll(browser.seriousAxeViolations());
            problems.addAll(
                    PageAudit.wordingProblems(browser.visibleText(), "en", PageAudit.enumConstants("ca.gardien")));
        }
        assertThat(problems).isEmpty();
    }
}
