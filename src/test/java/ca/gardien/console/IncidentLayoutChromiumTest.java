package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.incidents.IncidentDetails;
import ca.gardien.incidents.IncidentKind;
import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.Level;
import ca.gardien.incidents.RiskAssessment;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * In the system's Chromium, as the officer walked it (2026-12-06): a notice's preview is styled by the console's
 * stylesheet (its own style in the page was blocked by the Content-Security-Policy), and on the incident pages at
 * 1280 px every radio button and checkbox sits beside its label.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentLayoutChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Incidents incidents;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    /** A signed-in officer's browser. */
    private PageAudit officer(String name) throws Exception {
        var username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve(name));
        browser.signIn(username, password);
        return browser;
    }

    private UUID assessedEntry() {
        var today = LocalDate.now();
        var entry = incidents.record(
                new IncidentDetails(
                        "Dossier mal acheminé",
                        IncidentKind.COMMUNICATION,
                        "Noms et diagnostics",
                        null,
                        "Un dossier a été envoyé au mauvais fournisseur.",
                        today.minusDays(4),
                        null,
                        false,
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(3),
                        42L,
                        null,
                        false,
                        List.of(),
                        List.of()),
                Actor.SYSTEM);
        incidents.assess(
                entry.id(),
                new RiskAssessment.Answers(
                        Level.HIGH,
                        "Renseignements de santé",
                        Level.HIGH,
                        "Discrimination",
                        Level.MEDIUM,
                        "Destruction non confirmée",
                        null,
                        today.minusDays(1),
                        "D’accord",
                        null,
                        null),
                Actor.SYSTEM);
        return entry.id();
    }

    @Test
    void theNoticePreviewIsStyledWithoutAStyleInThePage() throws Exception {
        var id = assessedEntry();
        try (var browser = officer("preview")) {
            var page = browser.session();
            browser.viewport(PageAudit.DESKTOP_WIDTH, 900);
            browser.go("/locale?lang=fr&return=/console");
            assertThat(browser.go("/console/incidents/" + id + "/notices/commission?in=fr"))
                    .isEqualTo(200);
            assertThat(page.evaluate("String(document.querySelectorAll('style').length)"))
                    .isEqualTo("0");
            assertThat(page.evaluate("getComputedStyle(document.querySelector('#notice dt')).fontWeight"))
                    .as("the field names in bold: the stylesheet applies")
                    .isEqualTo("700");
            assertThat(page.evaluate("String(document.querySelectorAll('#notice dd li').length >= 4)"))
                    .isEqualTo("true");
            page.evaluate("document.getElementById('back-to-incident').click(); 'sent'");
            page.waitFor("location.pathname === '/console/incidents/" + id + "'", PageAudit.WAIT);
            assertThat(browser.seriousAxeViolations()).isEmpty();
        }
    }

    /**
     * The inputs among {@code ids} that do not sit beside their label (the label starts within 24 px right of the box,
     * on the same line), with where each was.
     */
    private static String apart(ca.gardien.support.ChromiumSession page, String... ids) {
        var list = String.join("','", ids);
        return page.evaluate("(() => { const out = []; for (const id of ['" + list + "']) {"
                + " const box = document.getElementById(id); const label = document.querySelector('label[for=\\'' + id"
                + " + '\\']'); if (!box || !label) { out.push(id + ' missing'); continue; }"
                + " const b = box.getBoundingClientRect(); const l = label.getClientRects()[0];"
                + " const gap = l.left - b.right; const sameLine = l.top < b.bottom && l.bottom > b.top;"
                + " if (gap < 0 || gap > 24 || !sameLine) out.push(id + ' box ' + Math.round(b.left) + ',' +"
                + " Math.round(b.top) + ' label ' + Math.round(l.left) + ',' + Math.round(l.top)); }"
                + " return out.join('; '); })()");
    }

    @Test
    void radioButtonsAndCheckboxesSitBesideTheirLabelsAt1280() throws Exception {
        var id = assessedEntry();
        try (var browser = officer("layout")) {
            var page = browser.session();
            browser.viewport(PageAudit.DESKTOP_WIDTH, 900);
            browser.go("/console/incidents/" + id);
            assertThat(apart(page, "serious-suggested", "serious-yes", "serious-no", "publicNotice"))
                    .as("the conclusion's radio buttons and the public notice's checkbox")
                    .isEmpty();
            browser.go("/console/incidents");
            assertThat(apart(page, "unsent")).as("the register's filter").isEmpty();
            browser.go("/console/incidents/new");
            assertThat(apart(page, "occurredApproximate", "personsApproximate"))
                    .as("the new entry's checkboxes")
                    .isEmpty();
        }
    }
}
