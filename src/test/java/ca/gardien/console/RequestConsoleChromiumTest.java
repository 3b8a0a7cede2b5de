package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's acceptance, in the system's Chromium on the embedded default without SMTP: (a) a person files an access
 * request on the portal; the person in charge, using only console pages, reads the code on the outbox page (as the
 * person would in their mailbox), completes the verification, reads what was asked, handles the tasks, approves and
 * sends the answer (after a confirmation); the person opens the link's page and downloads the package once, and the link
 * then opens a page saying it was used. (b) The person in charge
 * enters a paper request and records an identity checked in person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestConsoleChromiumTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern LINK = Pattern.compile("https?://\\S*(/requests/download/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Requests requests;

    @Autowired
    AccountAdministration accounts;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void aPortalAccessRequestIsAnsweredFromTheConsoleAloneAndItsPackageDownloadsOnce() throws Exception {
        var email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var details = "Je voudrais savoir quels renseignements vous détenez sur moi.";
        try (var person = ChromiumSession.open(url("/privacy/requests/new"), profiles.resolve("person"));
                var officer = signIn()) {
            person.waitFor("document.getElementById('request-form')", WAIT);
            person.evaluate("document.getElementById('type-ACCESS').click();"
                    + "document.getElementById('email').value = '" + email + "';"
                    + "document.getElementById('details').value = '" + details + "';"
                    + "document.getElementById('submit-request').click(); 'sent'");
            person.waitFor("location.pathname.endsWith('/code') && document.getElementById('code-EMAIL')", WAIT);
            var id = UUID.fromString(person.evaluate("location.pathname.split('/')[3]"));

            // the person's mailbox is the console's outbox: the officer reads the code there
            var code = CODE.matcher(newestMessage(officer, email));
            assertThat(code.find()).as("a six-digit code in the message").isTrue();
            person.evaluate("document.getElementById('code-EMAIL').value = '" + code.group(1) + "';"
                    + "document.getElementById('code-EMAIL').form.requestSubmit(); 'sent'");
            person.waitFor("document.getElementById('codes-done')", WAIT);

            // the request, from the queue
            click(officer, "document.querySelector('nav a[href=\"/console/requests\"]')");
            officer.waitFor("document.querySelector('a[href=\"/console/requests/" + id + "\"]')", WAIT);
            click(officer, "document.querySelector('a[href=\"/console/requests/" + id + "\"]')");
            officer.waitFor("document.getElementById('details')", WAIT);
            assertThat(officer.evaluate("document.getElementById('details').textContent"))
                    .contains(details);
            assertThat(officer.evaluate("document.getElementById('identifiers').textContent"))
                    .contains(email);
            // a data map with sensitive information (other tests of this context may apply one) calls for a review,
            // offered once there is a proof to review: a code typed alone is none, the officer records a check first
            if ("true".equals(officer.evaluate("String(!!document.getElementById('review-awaits'))"))) {
                officer.evaluate("document.getElementById('person-basis').value = 'IN_PERSON_ID_CHECK';"
                        + "document.getElementById('person-reason').value = 'Pièce vue en visioconférence'; 'set'");
                submit(officer, "document.querySelector('#prove-person button')");
                officer.waitFor("document.getElementById('identity-review')", WAIT);
            }
            if ("true".equals(officer.evaluate("String(!!document.getElementById('identity-review'))"))) {
                submit(officer, "document.querySelector('#identity-review form button')");
            }
            officer.waitFor("document.getElementById('status').textContent.trim() !== 'Reçue'", WAIT);

            // every task, one after the other
            for (int i = 0; i < 20; i++) {
                if (!"true"
                        .equals(officer.evaluate("String(!!document.querySelector('#tasks select[name=outcome]'))"))) {
                    break;
                }
                officer.evaluate("document.querySelector('#tasks select[name=outcome]').value = 'NOT_FOUND'; 'set'");
                submit(officer, "document.querySelector('#tasks select[name=outcome]').form.querySelector('button')");
            }
            officer.waitFor("document.getElementById('response-form')", WAIT);
            // a refusal's fields show only for a refusal (officer's re-walk: reasons and recourse beside "granted")
            officer.evaluate("document.getElementById('outcome').value = 'REFUSAL'; 'set'");
            assertThat(officer.evaluate("getComputedStyle(document.querySelector('.refusal-fields')).display"))
                    .isNotEqualTo("none");
            officer.evaluate("document.getElementById('outcome').value = 'FULFILLED'; 'set'");
            assertThat(officer.evaluate("getComputedStyle(document.querySelector('.refusal-fields')).display"))
                    .isEqualTo("none");
            officer.evaluate("document.getElementById('outcome').value = 'FULFILLED';"
                    + "document.getElementById('message').value = 'Voici les renseignements demandés.'; 'set'");
            submit(officer, "document.querySelector('#response-form button')");
            officer.waitFor("document.getElementById('approve')", WAIT);
            submit(officer, "document.querySelector('#approve button')");
            // the page whole, its deferred console.js run (it asks before sending): on a loaded machine the button can
            // be there before the script
            officer.waitFor("document.getElementById('send') && document.readyState === 'complete'", WAIT);
            // sending cannot be undone: the console asks first, and a "no" sends nothing
            assertThat(officer.evaluate("window.confirm = q => { window.__asked = q; return false; };"
                            + "document.querySelector('#send button').click(); window.__asked"))
                    .startsWith("Envoyer la réponse");
            assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
            officer.evaluate("window.confirm = q => true; 'yes'");
            submit(officer, "document.querySelector('#send button')");
            officer.waitFor("document.getElementById('close')", WAIT);
            java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
            java.nio.file.Files.write(
                    Path.of("target", "screenshots", "request-sent-1366.png"), officer.screenshot(1366, 768));
            assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);

            // the answer's link, in the person's mailbox (the outbox), downloaded once
            var link = LINK.matcher(newestMessage(officer, email));
            assertThat(link.find()).as("a download link in the message").isTrue();
            // the link opens a page that says what the package holds; opening it uses nothing, its button downloads
            person.evaluate("location.href = '" + link.group(1) + "'; 'go'");
            person.waitFor("document.getElementById('download-button')", WAIT);
            assertThat(person.evaluate("document.getElementById('download-files').textContent"))
                    .contains("PDF");
            assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
            person.screenshot(Path.of("target", "screenshots", "download-page-390.png"), 390, 844);
            assertThat(person.evaluate("String(document.documentElement.scrollWidth)"))
                    .isEqualTo("390");
            person.screenshot(Path.of("target", "screenshots", "download-page-1366.png"), 1366, 768);
            // the button downloads, and the page then says so instead of keeping a button that would download nothing
            person.evaluate("document.getElementById('download-button').click(); 'clicked'");
            person.waitFor(
                    "document.getElementById('download-form').hidden"
                            + " && !document.getElementById('download-started').hidden",
                    WAIT);
            assertThat(person.evaluate("document.getElementById('download-started').textContent"))
                    .contains("Le téléchargement a commencé");
            for (int i = 0; i < 300 && requests.get(id).status() != RequestStatus.CLOSED; i++) {
                Thread.sleep(100); // the download closes the request
            }
            assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
            // used: the link now opens a page that says so (410), and the button downloads nothing more
            person.evaluate("location.reload(); 'reload'");
            person.waitFor("document.getElementById('download-gone')", WAIT);
            assertThat(person.evaluate("document.getElementById('download-gone').textContent"))
                    .contains("déjà été téléchargée");
            person.screenshot(Path.of("target", "screenshots", "download-gone-390.png"), 390, 844);
            assertThat(person.evaluate("String(document.documentElement.scrollWidth)"))
                    .isEqualTo("390");
            assertThat(fetchStatus(person, link.group(1), "POST")).isEqualTo("410");
        }
    }

    @Test
    void theOfficerEntersAPaperRequestAndVerifiesTheIdentityInPerson() throws Exception {
        var customer = "P-" + UUID.randomUUID().toString().substring(0, 8);
        try (var officer = signIn()) {
            click(officer, "document.querySelector('nav a[href=\"/console/requests\"]')");
            officer.waitFor("document.getElementById('enter-request')", WAIT);
            click(officer, "document.getElementById('enter-request')");
            officer.waitFor("document.getElementById('entry-form')", WAIT);

            // refused first: no identifier; what was typed stays
            officer.evaluate("document.getElementById('entry-type').value = 'ACCESS';"
                    + "document.getElementById('entry-details').value = 'Lettre du 30 novembre'; 'set'");
            submit(officer, "document.getElementById('submit-entry')");
            officer.waitFor("document.getElementById('entry-person-error')", WAIT);
            // the summary listing every error takes the focus (static/js/console.js)
            officer.waitFor("document.activeElement.id === 'error-summary'", WAIT);
            assertThat(officer.evaluate("document.getElementById('entry-details').value"))
                    .isEqualTo("Lettre du 30 novembre");

            officer.evaluate("document.getElementById('entry-customerNumber').value = '" + customer + "'; 'set'");
            submit(officer, "document.getElementById('submit-entry')");
            officer.waitFor("document.getElementById('prove-person')", WAIT);
            var id = UUID.fromString(officer.evaluate("location.pathname.split('/')[3]"));
            assertThat(requests.get(id).channel()).isEqualTo(RightsRequest.Channel.MAIL);
            assertThat(officer.evaluate("document.getElementById('details').textContent"))
                    .contains("Lettre du 30 novembre");

            officer.evaluate(
                    "document.getElementById('person-basis').value = 'IN_PERSON_ID_CHECK';"
                            + "document.getElementById('person-reason').value = 'Permis de conduire présenté au comptoir'; 'set'");
            submit(officer, "document.querySelector('#prove-person button')");
            officer.waitFor("document.getElementById('person-proof')", WAIT);
            var request = requests.get(id);
            assertThat(request.personProof()).isNotNull();
            assertThat(request.status() != RequestStatus.RECEIVED
                            || request.identityReview() == RightsRequest.Review.PENDING)
                    .as("moved on or awaiting the review a sensitive data map calls for")
                    .isTrue();
        }
    }

    /** The newest message to this address, as the outbox page shows it. */
    private String newestMessage(ChromiumSession officer, String email) throws InterruptedException {
        click(officer, "document.querySelector('nav a[href=\"/console/outbox\"]')");
        officer.waitFor("location.pathname === '/console/outbox' && document.getElementById('q')", WAIT);
        officer.evaluate("document.getElementById('q').value = '" + email + "';"
                + "document.getElementById('q').form.requestSubmit(); 'search'");
        officer.waitFor("location.search.includes('q=') && document.querySelector('#outbox tbody a')", WAIT);
        click(officer, "document.querySelector('#outbox tbody a')");
        officer.waitFor("document.getElementById('message-body')", WAIT);
        return officer.evaluate("document.getElementById('message-body').textContent");
    }

    private ChromiumSession signIn() throws Exception {
        var password = TestPasswords.fresh("chosen");
        var username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Test officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var officer = ChromiumSession.open(url("/login"), profiles.resolve("officer-" + username));
        officer.waitFor("document.getElementById('password')", WAIT);
        officer.evaluate("document.getElementById('username').value = '" + username + "';"
                + "document.getElementById('password').value = '" + password + "';"
                + "document.getElementById('password').form.requestSubmit(); 'sent'");
        officer.waitFor("location.pathname === '/console'", WAIT);
        return officer;
    }

    /** Clicks a link or button and waits for the next page to replace this one. */
    private static void click(ChromiumSession session, String element) throws InterruptedException {
        session.evaluate("window.__leaving = true; " + element + ".click(); 'clicked'");
        session.waitFor("window.__leaving !== true", WAIT);
    }

    private static void submit(ChromiumSession session, String button) throws InterruptedException {
        click(session, button);
    }

    /** The HTTP status of a request from the person's page (as their browser would download it). */
    private static String fetchStatus(ChromiumSession person, String path, String method) throws InterruptedException {
        person.evaluate("window.__status = null; fetch('" + path + "', {method: '" + method
                + "'}).then(r => { window.__status = String(r.status); });" + " 'fetching'");
        person.waitFor("window.__status !== null", WAIT);
        return person.evaluate("window.__status");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
