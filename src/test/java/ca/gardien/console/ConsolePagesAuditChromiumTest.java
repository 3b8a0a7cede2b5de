package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.inventory.NoticeVersions;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Every public and console page, in French and in English, on a desktop and on a 390 px phone, with the demo data map
 * and a request filed on the portal: axe-core finds no serious or critical violation and no page is wider than the
 * phone; no console page shows a broken message key, a raw enum value, a data-map path or a sentence in the other
 * language, and every console page, the 404 and 403 pages included, sits inside the console layout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gardien.demo.enabled=true")
class ConsolePagesAuditChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    ConnectorDesk connectors;

    @Autowired
    NoticeVersions notices;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void everyPageIsAccessibleFitsAPhoneAndSpeaksThePagesLanguage() throws Exception {
        var connector = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, "jdbc:h2:mem:" + connector, null, null, Actor.SYSTEM);
        notices.approve(Actor.SYSTEM);
        notices.approve(Actor.SYSTEM);
        var officer = account(Role.PRIVACY_OFFICER);
        var auditor = account(Role.AUDITOR);
        var enums = PageAudit.enumConstants("ca.gardien");
        var problems = new LinkedHashMap<String, List<String>>();

        try (var browser = PageAudit.open(base(), profiles.resolve("officer"))) {
            var publicPages = new ArrayList<>(List.of(
                    "/", "/privacy", "/privacy/versions/1", "/privacy/contact", "/privacy/requests/new", "/login"));
            publicPages.add(fileARequest(browser));
            audit(browser, publicPages, enums, problems, false);

            browser.signIn(officer[0], officer[1]);
            browser.go("/console/requests?status=ALL");
            var requestPage =
                    browser.session().evaluate("document.querySelector('#queue tbody a').getAttribute('href')");
            browser.go("/console/outbox");
            var messagePage =
                    browser.session().evaluate("document.querySelector('#outbox tbody a').getAttribute('href')");
            audit(
                    browser,
                    List.of(
                            "/console",
                            "/console/requests",
                            requestPage,
                            "/console/consent",
                            "/console/inventory",
                            "/console/inventory/record",
                            "/console/inventory/notice/diff?from=1&to=2",
                            "/console/ledger",
                            "/console/connectors",
                            "/console/connectors/new",
                            "/console/connectors/" + connector,
                            "/console/outbox",
                            messagePage,
                            "/console/organization",
                            "/console/accounts",
                            "/console/tokens",
                            "/console/password",
                            "/console/no-such-page"),
                    enums,
                    problems,
                    true);
        }
        try (var browser = PageAudit.open(base(), profiles.resolve("auditor"))) {
            browser.signIn(auditor[0], auditor[1]);
            audit(browser, List.of("/console/accounts"), enums, problems, true);
        }

        assertThat(problems).as("problems by page").isEmpty();
    }

    private void audit(
            PageAudit browser,
            List<String> pages,
            Set<String> enums,
            LinkedHashMap<String, List<String>> problems,
            boolean console)
            throws InterruptedException {
        for (var language : List.of("fr", "en")) {
            browser.go("/locale?lang=" + language + "&return=/");
            for (var page : pages) {
                var url = page;
                var found = new ArrayList<String>();
                browser.viewport(PageAudit.DESKTOP_WIDTH, 900);
                browser.go(url);
                if (!browser.language().equals(language)) {
                    found.add("page language " + browser.language());
                }
                if (console
                        && !"true".equals(browser.session().evaluate("String(!!document.querySelector('nav.nav'))"))) {
                    found.add("not inside the console layout");
                }
                found.addAll(browser.seriousAxeViolations());
                if (console) {
                    found.addAll(PageAudit.wordingProblems(browser.visibleText(), language, enums));
                }
                browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
                browser.go(url);
                int width = browser.pageWidth();
                if (width > PageAudit.PHONE_WIDTH) {
                    found.add("at 390 px the page is " + width + " px wide: " + browser.widestElements());
                }
                if (!found.isEmpty()) {
                    problems.put(language + " " + page, found);
                }
            }
        }
    }

    /** Files an access request on the portal, as a person would; returns the path of its code page. */
    private String fileARequest(PageAudit browser) throws InterruptedException {
        browser.go("/privacy/requests/new");
        var session = browser.session();
        session.evaluate("document.getElementById('type-ACCESS').click();"
                + "document.getElementById('email').value = 'walk-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test';"
                + "document.getElementById('details').value = 'Les renseignements de mon dossier client';"
                + "window.__auditOld = true;"
                + "document.getElementById('submit-request').click(); 'sent'");
        session.waitFor("!window.__auditOld && location.pathname.endsWith('/code')", PageAudit.WAIT);
        return session.evaluate("location.pathname");
    }

    private String[] account(Role role) {
        var username = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = "initial-" + UUID.randomUUID();
        var password = "chosen-" + UUID.randomUUID();
        var account = accounts.create(username, "Walk " + role.ordinal(), initial, Set.of(role), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        return new String[] {username, password};
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
