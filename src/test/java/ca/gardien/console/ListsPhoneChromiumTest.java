package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complaints and assessments lists and the data map's gaps on a phone (officer's walk at 390 px, 2026-12-07: the
 * status column was cut to "Sta", the gaps' explanation squeezed to 40 px, each table swiped sideways with no cue):
 * each row reads as a card and no table scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsPhoneChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    ca.gardien.inventory.Inventory inventory;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    /** A browser signed in as a new person in charge (their password chosen), with a profile of its own. */
    private PageAudit officerIn(String profile) throws Exception {
        var username = profile + "-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve(profile));
        try {
            browser.signIn(username, password);
        } catch (Exception | AssertionError e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private static void fits(PageAudit browser, String table) {
        var page = browser.session();
        assertThat(page.evaluate("String(document.querySelectorAll('" + table + " tbody tr').length > 0)"))
                .as("rows in %s", table)
                .isEqualTo("true");
        assertThat(page.evaluate("(() => { const t = document.querySelector('" + table + "');"
                        + " const box = t.parentElement.classList.contains('table-scroll') ? t.parentElement : t;"
                        + " return String(t.scrollWidth <= t.clientWidth + 1 && box.scrollWidth <= box.clientWidth + 1);"
                        + " })()"))
                .as("%s does not scroll sideways", table)
                .isEqualTo("true");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('" + table + " thead')).position"))
                .as("the column names of %s move into each card", table)
                .isEqualTo("absolute");
    }

    @Test
    void complaintsAssessmentsAndGapsReadAsCardsAt390() throws Exception {
        try (var demo = getClass().getResourceAsStream("/demo/ingeno.yaml")) { // the reference customer's map, its gaps
            inventory.apply(new String(demo.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Actor.SYSTEM);
        }
        try (var browser = officerIn("lists")) {
            var page = browser.session();
            browser.go("/locale?lang=en&return=/console");
            browser.go("/console/complaints/new");
            page.evaluate("document.getElementById('receivedOn').value = '"
                    + LocalDate.now().minusDays(1) + "';"
                    + "document.getElementById('name').value = 'Camille Exemple';"
                    + "document.getElementById('phone').value = '+1 555 010 0199';"
                    + "document.getElementById('subject').value = 'Calls after withdrawal';"
                    + "document.getElementById('reasons').value = 'Calls went on after I withdrew my consent.';"
                    + "document.getElementById('complaint-entry').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('done')", PageAudit.WAIT);
            browser.go("/console/assessments");
            page.evaluate("document.getElementById('title').value = 'Customer portal of the synthetic shop';"
                    + "document.getElementById('start').requestSubmit(); 'sent'");
            page.waitFor("location.pathname.length > '/console/assessments/'.length", PageAudit.WAIT);

            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/console/complaints");
            fits(browser, "table#queue");
            browser.go("/console/assessments");
            fits(browser, "table#assessments");
            browser.go("/console/inventory");
            fits(browser, "#gaps table");
        }
    }

    /** Officer's review at 390 px (2026-12-07): the queue's chart of days left wrote its figures about 7 px high. */
    @Test
    void theQueuesChartOfDaysLeftIsWrittenAboutElevenPixelsHighAt390() throws Exception {
        try (var browser = officerIn("chart")) {
            var page = browser.session();
            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/console/requests");
            var smallest = page.evaluate("(() => { let min = 1000;"
                    + " for (const t of document.querySelectorAll('svg.burndown text')) {"
                    + "   const h = t.getBoundingClientRect().height; if (h > 0 && h < min) min = h; }"
                    + " return String(Math.round(min)); })()");
            assertThat(Integer.parseInt(smallest))
                    .as("the smallest word of the chart, its box in pixels on the screen (11 px type: 13 px)")
                    .isBetween(12, 999);
        }
    }

    /** Officer's walk at 390 px (2026-12-07): the opened menu's links were small and packed, hard to tap. */
    @Test
    void theOpenedMenusLinksAreTargetsAFingerCanHitAt390() throws Exception {
        try (var browser = officerIn("menu")) {
            var page = browser.session();
            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/console");
            page.evaluate("document.querySelector('.nav button.menu').click(); 'opened'");
            var small = page.evaluate("(() => { const out = [];"
                    + " for (const a of document.querySelectorAll('.nav .nav-group a')) {"
                    + " const r = a.getBoundingClientRect(); if (r.height < 24) out.push(a.textContent.trim()); }"
                    + " return out.join(' | '); })()");
            assertThat(page.evaluate("String(document.querySelectorAll('.nav .nav-group a').length > 5)"))
                    .isEqualTo("true");
            assertThat(small).as("menu links under 24 px high").isEmpty();
        }
    }
}
