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
 * In the system's Chromium: the person in charge records an incident in the console (a refused form keeps what was
 * typed), runs the guided assessment, previews both notices, adds a measure and marks it done, finds the persons
 * concerned in the shop's database through its connector and sends them the notice, dates the notices, closes the
 * entry and finds it in the register on a phone; the pages pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentConsoleChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    @Autowired
    ca.gardien.organization.Organization organization;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    /** Signed up in the incident's period; two others signed up a month before, one of them twice. */
    static final String[] IN_WINDOW = {"ana@example.test", "ben@example.test", "chloe@example.test"};

    /**
     * The shop's database (H2 in memory, allowed in tests): three persons signed up the day before the incident was
     * found, two a month earlier; registered as a database connector.
     */
    private String plantShop(java.time.ZonedDateTime aware) throws Exception {
        var name = "shop" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("CREATE TABLE signup (id INT PRIMARY KEY, email VARCHAR(200), lang VARCHAR(5),"
                            + " created_at TIMESTAMP NOT NULL)");
            var insert = c.prepareStatement("INSERT INTO signup VALUES (?, ?, ?, ?)");
            var inside = aware.minusDays(1).toLocalDateTime();
            var before = aware.minusDays(30).toLocalDateTime();
            Object[][] rows = {
                {IN_WINDOW[0], "fr", inside},
                {IN_WINDOW[1], "en", inside},
                {IN_WINDOW[2], "fr", inside},
                {"dan@example.test", "fr", before},
                {"eve@example.test", "en", before},
                {"eve@example.test", "en", before}
            };
            for (int i = 0; i < rows.length; i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, (String) rows[i][0]);
                insert.setString(3, (String) rows[i][1]);
                insert.setTimestamp(4, java.sql.Timestamp.valueOf((java.time.LocalDateTime) rows[i][2]));
                insert.executeUpdate();
            }
        }
        connectors.registerJdbc(name, url, "sa", "", Actor.SYSTEM);
        return name;
    }

    @Test
    void theOfficerRecordsAssessesNotifiesAddsAMeasureAndClosesAnIncidentThenSeesItInTheRegister() throws Exception {
        var username = "incident-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var zone = java.time.ZoneId.of("America/Toronto");
        var aware =
                java.time.ZonedDateTime.now(zone).minusHours(2).withSecond(0).withNano(0);
        var today = LocalDate.now(zone).toString();
        var title = "Portable oublié " + UUID.randomUUID().toString().substring(0, 6);
        var connector = plantShop(aware);
        if (organization.profile().isEmpty()) { // the notice to the persons gives the organization's contact
            organization.update(
                    new ca.gardien.organization.OrganizationProfile(
                            "Exemple inc.",
                            "1234567890",
                            new ca.gardien.organization.OrganizationProfile.Address(
                                    "1, rue Exemple", "Québec", "Québec", "G1K 1A1", "Canada"),
                            new ca.gardien.organization.OrganizationProfile.PersonInCharge(
                                    "Marie Tremblay", "Directrice", null, "rprp@example.test", null),
                            null),
                    Actor.SYSTEM);
        }
        var problems = new ArrayList<String>();
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("officer"))) {
            var page = browser.session();
            browser.signIn(username, password);
            browser.go("/locale?lang=fr&return=/console/incidents/new");
            browser.go("/console/incidents/new");
            problems.addAll(browser.seriousAxeViolations());
            var describe = "document.getElementById('title').value = '" + title + "';"
                    + "document.getElementById('kind').value = 'LOSS_OR_OTHER_BREACH';"
                    + "document.getElementById('awareOn').value = '" + aware.toLocalDate() + "';"
                    + "document.getElementById('awareTime').value = '" + aware.toLocalTime() + "';"
                    + "document.getElementById('circumstances').value = 'Un portable a été oublié dans un taxi.';"
                    + "document.getElementById('piDescription').value = 'Noms et diagnostics';"
                    + "document.getElementById('personsCount').value = '12';";
            // the date of the incident left out: refused, what was typed kept, the error next to its field
            page.evaluate(describe + "document.getElementById('incident-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('occurredOn-error')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('title').value")).isEqualTo(title);
            assertThat(page.evaluate("document.getElementById('awareTime').value"))
                    .isEqualTo(aware.toLocalTime().toString());
            problems.addAll(browser.seriousAxeViolations());
            page.evaluate("document.getElementById('occurredOn').value = '" + aware.toLocalDate() + "';"
                    + "document.getElementById('incident-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('assessment-form')", PageAudit.WAIT);
            var path = page.evaluate("location.pathname");
            assertThat(page.evaluate("document.getElementById('kind-shown').textContent"))
                    .contains("Perte");
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
            page.evaluate("document.getElementById('measureKind').value = 'CONTAINMENT';"
                    + "document.getElementById('description').value = 'Effacement à distance du portable';"
                    + "document.getElementById('owner').value = 'TI';"
                    + "document.getElementById('dueOn').value = '" + today + "';"
                    + "document.getElementById('measure-form').requestSubmit(); 'sent'");
            page.waitFor("document.querySelector('#measures li')", PageAudit.WAIT);
            page.evaluate("const f = document.querySelector('#measures form');"
                    + "f.querySelector('input[type=date]').value = '" + today + "'; f.requestSubmit(); 'sent'");
            page.waitFor("document.querySelector('#measures .measure-done')", PageAudit.WAIT);

            page.evaluate("document.getElementById('adviceText').value = 'Surveillez vos relevés.';"
                    + "window.before = true; document.getElementById('advice-form').requestSubmit(); 'sent'");
            page.waitFor("!window.before && document.getElementById('done')", PageAudit.WAIT);
            // the page opened at the advice's form, below: what was done stays in view (officer's review)
            page.waitFor(
                    "location.hash !== '' && document.getElementById('done').classList.contains('pinned')",
                    PageAudit.WAIT); // console.js runs after the page is read (deferred)
            assertThat(page.evaluate("document.getElementById('done').textContent"))
                    .contains("Les conseils aux personnes concernées sont enregistrés");
            assertThat(page.evaluate("document.getElementById('done').getBoundingClientRect().top >= 0"
                            + " && document.getElementById('done').getBoundingClientRect().top < innerHeight"))
                    .isEqualTo("true");
            // the persons concerned, found in the shop's database through its connector, then notified
            var from = aware.minusDays(3).toLocalDateTime();
            var search = "document.getElementById('connector').value = '" + connector + "';"
                    + "document.getElementById('table').value = 'signup';"
                    + "document.getElementById('emailColumn').value = 'email';"
                    + "document.getElementById('languageColumn').value = 'lang';"
                    + "document.getElementById('timeColumn').value = 'created_at';"
                    + "document.getElementById('from').value = '" + from + "';"
                    + "document.getElementById('to').value = '" + from.minusDays(1) + "';";
            // a period that ends before it starts: refused next to its field, what was typed kept
            page.evaluate(search + "document.getElementById('persons-search-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('from-error')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('table').value")).isEqualTo("signup");
            problems.addAll(browser.seriousAxeViolations());
            page.evaluate(search + "document.getElementById('to').value = '"
                    + aware.plusDays(1).toLocalDateTime() + "';"
                    + "document.getElementById('persons-search-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('found')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('found').textContent"))
                    .contains("table : 5", "clés : 3", "3 personnes retenues");
            assertThat(page.evaluate("document.getElementById('persons').textContent"))
                    .doesNotContain("@example.test");
            page.evaluate("window.confirm = () => true; window.before = true;"
                    + "document.querySelector('#send-form button').click(); 'sent'");
            page.waitFor("!window.before && document.getElementById('delivery-counts')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('delivery-counts').textContent"))
                    .startsWith("3 personnes");
            var incidentId = path.substring(path.lastIndexOf('/') + 1);
            assertThat(outbox.about(incidentId).stream()
                            .filter(m -> m.template().equals("incidents.persons-notice"))
                            .map(m -> m.recipient())
                            .toList())
                    .containsExactlyInAnyOrder(IN_WINDOW);
            assertThat(page.evaluate("document.getElementById('send-form') === null"))
                    .as("nobody left to notify")
                    .isEqualTo("true");
            // no mail server: the notices wait in the outbox, not transmitted until the officer records how they left
            assertThat(page.evaluate("document.getElementById('timeline').textContent"))
                    .doesNotContain("L’avis a été transmis aux personnes");
            assertThat(page.evaluate("document.getElementById('held-notices').textContent"))
                    .contains("3 avis attendent dans la boîte d’envoi");
            page.evaluate("document.getElementById('transmittedOn').value = '" + today + "';"
                    + "document.getElementById('means').value = 'Lettres par la poste';"
                    + "window.before = true; document.getElementById('persons-transmitted').requestSubmit(); 'sent'");
            page.waitFor("!window.before && document.getElementById('done')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('timeline').textContent"))
                    .contains("L’avis a été transmis aux personnes");
            // withdrawn from the outbox with the record: counted as transmitted, no longer waiting (officer's walk)
            assertThat(page.evaluate("document.getElementById('delivery-counts').textContent"))
                    .contains("3 avis transmis autrement", "0 en attente");
            assertThat(page.evaluate("document.getElementById('deliveries').textContent"))
                    .contains("Transmis autrement — non envoyé par Gardien")
                    .doesNotContain("En attente d’envoi");
            problems.addAll(browser.seriousAxeViolations());

            page.evaluate("document.getElementById('caiNoticeOn').value = '" + today + "';"
                    + "document.getElementById('otherAuthorities').value = 'Aucune';"
                    + "window.before = true; document.getElementById('notices-form').requestSubmit(); 'sent'");
            page.waitFor("!window.before && document.getElementById('done')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('timeline').textContent"))
                    .contains("L’avis a été transmis à la Commission", "L’avis a été transmis aux personnes");
            assertThat(page.evaluate("document.getElementById('missing') === null"))
                    .isEqualTo("true");

            // closing asks first (data-confirm): answered yes, the question kept to check it was asked — once the
            // page's deferred script, which asks, has run (the 'done' line above exists before it does)
            page.waitFor("document.readyState === 'complete'", PageAudit.WAIT);
            page.evaluate("window.confirm = q => { sessionStorage.setItem('asked', q); return true; };"
                    + "document.getElementById('close-form').requestSubmit(); 'sent'");
            page.waitFor("document.getElementById('closed')", PageAudit.WAIT);
            assertThat(page.evaluate("sessionStorage.getItem('asked')")).isEqualTo("Fermer cet incident ?");
            assertThat(page.evaluate("document.getElementById('status').textContent"))
                    .isEqualTo("Fermé");
            problems.addAll(browser.seriousAxeViolations());

            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/console/incidents?q="
                    + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
            problems.addAll(browser.seriousAxeViolations());
            assertThat(browser.pageWidth())
                    .as("the register on a phone: %s", browser.widestElements())
                    .isLessThanOrEqualTo(PageAudit.PHONE_WIDTH);
            assertThat(page.evaluate("document.querySelector('#register tbody tr').textContent"))
                    .contains(title, "Fermé");
            assertThat(page.evaluate("document.querySelector('#register .cai-notice-on').textContent"))
                    .isEqualTo(today);
            assertThat(page.evaluate("document.querySelector('#register .persons-notice-on').textContent"))
                    .isEqualTo(today);
            browser.go("/locale?lang=en&return=/console");
            browser.go(path);
            problems.addAll(browser.seriousAxeViolations());
            problems.addAll(
                    PageAudit.wordingProblems(browser.visibleText(), "en", PageAudit.enumConstants("ca.gardien")));
        }
        assertThat(problems).isEmpty();
    }
}
