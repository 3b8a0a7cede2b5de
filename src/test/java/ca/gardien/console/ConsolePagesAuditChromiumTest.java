package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.inventory.NoticeVersions;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
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
    ca.gardien.incidents.Incidents incidents;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    ConnectorDesk connectors;

    @Autowired
    NoticeVersions notices;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate walkJdbc;

    @Autowired
    TokenService tokens;

    @Autowired
    ca.gardien.complaints.Complaints complaints;

    @Autowired
    ca.gardien.consent.ConsentLedger consents;

    /** The pages whose every object is named in words: no identifier is read there as text. */
    static final List<String> NAMED_IN_WORDS = List.of("/console/consent", "/console/inventory/gaps");

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
        try {
            notices.approve(Actor.SYSTEM, "synthetic test approval");
        } catch (ca.gardien.shared.ConflictException unchanged) {
            // the notice in force is the map's already: only a change is approved
        }
        // the diff page compares two versions: a second one as the next change would leave it
        for (int v = notices.all().size(); v < 2; v++) {
            walkJdbc.update("INSERT INTO inventory_notice_version (version, approved_at, actor_kind, actor_id, sha256,"
                    + " text_fr, text_en, reason) SELECT version + 1, approved_at, actor_kind, actor_id, 'walk-' || version,"
                    + " text_fr || '- Ajout', text_en || '- Added', reason FROM inventory_notice_version"
                    + " WHERE version = (SELECT MAX(version) FROM inventory_notice_version)");
        }
        var complaint = complaints
                .receiveFromPortal(new ca.gardien.complaints.NewComplaint(
                        "Camille Synthétique",
                        "camille@example.test",
                        "+1 514 555 0199",
                        "Accès refusé",
                        "Ma demande d'accès est restée sans réponse.",
                        null,
                        "fr",
                        null,
                        null))
                .id();
        var incident = incidents
                .record(
                        new ca.gardien.incidents.IncidentDetails(
                                "Portable oublié",
                                ca.gardien.incidents.IncidentKind.LOSS_OR_OTHER_BREACH,
                                "Noms et adresses",
                                null,
                                "Un portable a été oublié dans un taxi.",
                                java.time.LocalDate.parse("2026-11-20"),
                                null,
                                false,
                                java.time.OffsetDateTime.parse("2026-11-21T09:00:00-05:00"),
                                12L,
                                null,
                                true,
                                List.of(),
                                List.of()),
                        Actor.SYSTEM)
                .id();
        var consent = consents.record(
                new ca.gardien.consent.ConsentRequest(
                        new ca.gardien.consent.ConsentRequest.SubjectIds(
                                "walk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test",
                                null,
                                null,
                                null),
                        "customer-relationship", // a purpose of the demo data map
                        ca.gardien.consent.ConsentTerms.State.GRANTED,
                        ca.gardien.consent.ConsentTerms.Kind.EXPRESS,
                        null,
                        ca.gardien.consent.ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        null),
                Actor.SYSTEM);
        var officer = account(Role.PRIVACY_OFFICER);
        tokens.issue(UUID.fromString(officer[2]), "walk-token", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        var auditor = account(Role.AUDITOR);
        var enums = PageAudit.enumConstants("ca.gardien");
        var problems = new LinkedHashMap<String, List<String>>();

        try (var browser = PageAudit.open(base(), profiles.resolve("officer"))) {
            var publicPages = new ArrayList<>(List.of(
                    "/",
                    "/privacy",
                    "/privacy/versions/1",
                    "/privacy/contact",
                    "/privacy/requests/new",
                    "/login",
                    "/privacy/complaints/new"));
            publicPages.add(fileARequest(browser));
            audit(browser, publicPages, enums, problems, false);

            browser.signIn(officer[0], officer[1]);
            browser.go("/console/requests?status=ALL");
            var requestPage =
                    browser.session().evaluate("document.querySelector('#queue tbody a').getAttribute('href')");
            browser.go("/console/outbox");
            var messagePage =
                    browser.session().evaluate("document.querySelector('#outbox tbody a').getAttribute('href')");
            browser.go("/console/assessments");
            var assessmentPage =
                    browser.session().evaluate("document.querySelector('#assessments tbody a').getAttribute('href')");
            audit(
                    browser,
                    List.of(
                            "/console",
                            "/console/requests",
                            "/console/requests/new",
                            requestPage,
                            "/console/complaints",
                            "/console/complaints/" + complaint,
                            "/console/complaints/new",
                            "/console/assessments",
                            assessmentPage,
                            "/console/incidents",
                            "/console/incidents/new",
                            "/console/incidents/" + incident,
                            "/console/incidents/" + incident + "/edit",
                            "/console/consent/records",
                            "/console/consent/subjects/" + consent.subjectId(),
                            "/console/inventory/gaps",
                            "/console/inventory/forms/systems",
                            "/console/inventory/forms/thirdParties",
                            "/console/inventory/forms/purposes",
                            "/console/inventory/forms/piCategories",
                            "/console/inventory/forms/transfers",
                            "/console/inventory/forms/retentionRules",
                            "/console/consent",
                            "/console/inventory",
                            "/console/inventory/record",
                            "/console/inventory/notice/diff?from=1&to=2",
                            "/console/inventory/notice/draft",
                            "/console/ledger",
                            // the actor typed by name, and a name of nobody said next to its field
                            "/console/ledger?actor=gardien&from=2026-01-01",
                            "/console/ledger?actor=personne-inconnue",
                            "/console/assessments?q=aucune-evaluation",
                            "/console/connectors",
                            "/console/connectors/new",
                            "/console/connectors/" + connector,
                            "/console/outbox",
                            "/console/retention",
                            "/console/retention/anonymizations",
                            messagePage,
                            "/console/organization",
                            "/console/accounts",
                            "/console/tokens",
                            "/console/password",
                            "/console/governance/policies",
                            "/console/governance/policies/privacy-policy/versions/1",
                            "/console/governance/person-in-charge",
                            "/console/governance/training",
                            "/console/governance/registers",
                            "/console/governance/providers",
                            "/console/no-such-page"),
                    enums,
                    problems,
                    true);
        }
        try (var browser = PageAudit.open(base(), profiles.resolve("auditor"))) {
            browser.signIn(auditor[0], auditor[1]);
            audit(browser, List.of("/console/accounts", "/console/governance/training"), enums, problems, true);
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
            // the console and the public site each have their own language switch
            browser.go("/locale?lang=" + language + "&return=" + (console ? "/console" : "/"));
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
                if (NAMED_IN_WORDS.stream().anyMatch(page::startsWith)) {
                    found.addAll(PageAudit.rawIds(browser.visibleText()));
                }
                browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
                browser.go(url);
                int width = browser.pageWidth();
                if (width > PageAudit.PHONE_WIDTH) {
                    found.add("at 390 px the page is " + width + " px wide: " + browser.widestElements());
                }
                var broken = browser.brokenHeaders();
                if (!broken.isEmpty()) {
                    found.add("at 390 px these headers are squeezed inside a word: " + broken);
                }
                var references = browser.brokenReferences();
                if (!references.isEmpty()) {
                    found.add("at 390 px these references are cut over two lines: " + references);
                }
                if (!found.isEmpty()) {
                    problems.put(language + " " + page, found);
                }
            }
        }
    }

    @Test
    void theNavigationMarksTheCurrentPageCollapsesOnAPhoneAndSkipsToTheContent() throws Exception {
        var complaint = complaints
                .receiveFromPortal(new ca.gardien.complaints.NewComplaint(
                        "Camille Synthétique",
                        "camille@example.test",
                        "+1 514 555 0199",
                        "Accès refusé",
                        "Ma demande d'accès est restée sans réponse.",
                        null,
                        "fr",
                        null,
                        null))
                .id();
        var officer = account(Role.PRIVACY_OFFICER);
        try (var browser = PageAudit.open(base(), profiles.resolve("nav"))) {
            var page = browser.session();
            browser.signIn(officer[0], officer[1]);
            browser.go("/locale?lang=fr&return=/console");
            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/console/requests");

            assertThat(page.evaluate("document.querySelector('a[aria-current=page]').getAttribute('href')"))
                    .isEqualTo("/console/requests");
            assertThat(page.evaluate("document.querySelectorAll('[aria-current]').length"))
                    .isEqualTo("1");
            assertThat(page.evaluate("document.querySelector('a[href], button').className"))
                    .as("the first thing to tab to is the skip link")
                    .isEqualTo("skip");
            assertThat(page.evaluate("document.querySelector('a.skip').getAttribute('href')"))
                    .isEqualTo("#main");
            assertThat(page.evaluate("String(!!document.getElementById('main'))"))
                    .isEqualTo("true");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('nav-groups')).display"))
                    .as("collapsed on a phone")
                    .isEqualTo("none");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('nav-menu')).display"))
                    .isNotEqualTo("none");
            page.evaluate("document.getElementById('nav-menu').click(); 'open'");
            assertThat(page.evaluate("document.getElementById('nav-menu').getAttribute('aria-expanded')"))
                    .isEqualTo("true");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('nav-groups')).display"))
                    .isNotEqualTo("none");

            browser.viewport(PageAudit.DESKTOP_WIDTH, 900);
            browser.go("/console/ledger");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('nav-groups')).display"))
                    .as("open on a desktop")
                    .isNotEqualTo("none");
            assertThat(page.evaluate("getComputedStyle(document.getElementById('nav-menu')).display"))
                    .as("no Menu button beside the open navigation (officer's walk)")
                    .isEqualTo("none");
            assertThat(page.evaluate("document.querySelector('a[aria-current=page]').getAttribute('href')"))
                    .isEqualTo("/console/ledger");

            assertThat(browser.go("/console/no-such-page")).isEqualTo(404);
            assertThat(page.evaluate("document.querySelector('main h1').textContent"))
                    .isEqualTo("Page introuvable");
            assertThat(page.evaluate("document.querySelector('main a').getAttribute('href')"))
                    .isEqualTo("/console");
        }
    }

    @Test
    void aDestructiveActionAsksFirstAndDoesNothingWhenTheOfficerSaysNo() throws Exception {
        var complaint = complaints
                .receiveFromPortal(new ca.gardien.complaints.NewComplaint(
                        "Camille Synthétique",
                        "camille@example.test",
                        "+1 514 555 0199",
                        "Accès refusé",
                        "Ma demande d'accès est restée sans réponse.",
                        null,
                        "fr",
                        null,
                        null))
                .id();
        var officer = account(Role.PRIVACY_OFFICER);
        var token = tokens.issue(UUID.fromString(officer[2]), "to-revoke", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        try (var browser = PageAudit.open(base(), profiles.resolve("confirm"))) {
            var page = browser.session();
            browser.signIn(officer[0], officer[1]);
            browser.go("/console/tokens");
            var question =
                    page.evaluate("window.__asked = null; window.confirm = q => { window.__asked = q; return false; };"
                            + "document.querySelector('button[data-confirm]').click(); window.__asked");
            assertThat(question).startsWith("Révoquer ce jeton");
            Thread.sleep(500);
            assertThat(tokens.byId(token.token().id()).orElseThrow().active())
                    .as("still active")
                    .isTrue();

            page.evaluate("window.confirm = q => true; window.__auditOld = true;"
                    + "document.querySelector('button[data-confirm]').click(); 'yes'");
            page.waitFor("!window.__auditOld", PageAudit.WAIT);
            assertThat(tokens.byId(token.token().id()).orElseThrow().active())
                    .as("revoked")
                    .isFalse();
        }
    }

    @Test
    void aRefusedFormShowsEveryErrorInThePagesLanguageNextToItsFieldAndFocusesTheSummary() throws Exception {
        var complaint = complaints
                .receiveFromPortal(new ca.gardien.complaints.NewComplaint(
                        "Camille Synthétique",
                        "camille@example.test",
                        "+1 514 555 0199",
                        "Accès refusé",
                        "Ma demande d'accès est restée sans réponse.",
                        null,
                        "fr",
                        null,
                        null))
                .id();
        var officer = account(Role.PRIVACY_OFFICER);
        try (var browser = PageAudit.open(base(), profiles.resolve("forms"))) {
            var page = browser.session();
            browser.signIn(officer[0], officer[1]);
            for (var language : List.of("fr", "en")) {
                browser.go("/locale?lang=" + language + "&return=/console");
                browser.go("/console/organization");
                page.evaluate("const f = document.getElementById('neq').form; f.noValidate = true;"
                        + "document.getElementById('legalName').value = '';"
                        + "document.getElementById('neq').value = '12345';"
                        + "document.getElementById('officerPhone').value = 'x';"
                        + "window.__auditOld = true; f.requestSubmit(); 'sent'");
                page.waitFor(
                        "!window.__auditOld && document.readyState === 'complete'"
                                + " && document.getElementById('error-summary')",
                        PageAudit.WAIT);

                assertThat(page.evaluate("document.activeElement.id")).isEqualTo("error-summary");
                var summary = page.evaluate("document.getElementById('error-summary').innerText");
                assertThat(page.evaluate("String(document.querySelectorAll('#error-summary li').length)"))
                        .as("all errors at once")
                        .isEqualTo("3");
                assertThat(page.evaluate("document.querySelector('#error-summary a[href=\"#neq\"]') ? 'linked' : ''"))
                        .isEqualTo("linked");
                assertThat(page.evaluate("document.getElementById('neq').getAttribute('aria-invalid')"))
                        .isEqualTo("true");
                assertThat(page.evaluate("document.getElementById('neq').getAttribute('aria-describedby')"))
                        .contains("neq-error");
                var neq = page.evaluate("document.getElementById('neq-error').textContent");
                if (language.equals("fr")) {
                    assertThat(summary).contains("Raison sociale").contains("Téléphone de la personne responsable");
                    assertThat(neq).contains("doit compter les 10 chiffres");
                } else {
                    assertThat(summary).contains("Legal name").contains("Telephone of the person in charge");
                    assertThat(neq).contains("must be the 10 digits");
                }
                assertThat(PageAudit.wordingProblems(summary, language, Set.of()))
                        .isEmpty();
                assertThat(browser.seriousAxeViolations()).isEmpty();
            }
        }
    }

    @Test
    void theQueueAndTheLedgerAreReadAsCardsOnAPhoneWithNothingToScrollSideways() throws Exception {
        var officer = account(Role.PRIVACY_OFFICER);
        try (var browser = PageAudit.open(base(), profiles.resolve("cards"))) {
            var page = browser.session();
            fileARequest(browser);
            browser.signIn(officer[0], officer[1]);
            browser.go("/locale?lang=fr&return=/console");
            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            for (var list : List.of(
                    "/console/requests|queue", "/console/requests|burn-down", "/console/ledger|ledger-entries-list")) {
                var parts = list.split("\\|");
                browser.go(parts[0]);
                var table = "document.getElementById('" + parts[1] + "')";
                assertThat(Integer.parseInt(
                                page.evaluate("String(" + table + ".scrollWidth - " + table + ".clientWidth)")))
                        .as(list + ": nothing hidden to the right of the screen (a pixel of rounding aside)")
                        .isLessThanOrEqualTo(1);
            }
            browser.go("/console/requests");
            assertThat(page.evaluate("getComputedStyle(document.querySelector('#queue tbody td')).display"))
                    .as("each request a card, each cell with its column's name")
                    .isEqualTo("grid");
            assertThat(page.evaluate("document.querySelector('#queue tbody td').getAttribute('data-label')"))
                    .isEqualTo("Date limite");
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
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Walk " + role.ordinal(), initial, Set.of(role), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        return new String[] {username, password, account.id().toString()};
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
