package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The embedded default without SMTP, in the system's Chromium: a person files an access request on the portal, the
 * person in charge reads the verification code on the console's outbox page (as the person would in their mailbox),
 * and the code typed on the portal's code page verifies the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxChromiumTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

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
    void theOfficerReadsTheCodeInTheOutboxAndThePersonVerifiesTheRequestWithIt() throws Exception {
        var email = "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (var person = ChromiumSession.open(url("/privacy/requests/new"), profiles.resolve("person"))) {
            var id = file(person, email);
            var code = readInTheConsole(email);
            person.evaluate("document.getElementById('code-EMAIL').value = '" + code + "';"
                    + "document.getElementById('code-EMAIL').form.requestSubmit(); 'sent'");
            person.waitFor("document.getElementById('codes-done')", WAIT);

            assertThat(requests.get(id).identifiers())
                    .allSatisfy(i -> assertThat(i.verified()).isTrue());
            // the request moves on, unless sensitive information in the data map (which other tests of this context
            // may have applied) also calls for a staff review of a proof of identity
            await().atMost(WAIT).untilAsserted(() -> {
                var request = requests.get(id);
                assertThat(request.status() != RequestStatus.RECEIVED
                                || request.identityReview() == RightsRequest.Review.PENDING)
                        .as("moved on or awaiting the review of a proof")
                        .isTrue();
            });
        }
    }

    private UUID file(ChromiumSession person, String email) throws InterruptedException {
        person.waitFor("document.getElementById('request-form')", WAIT);
        person.evaluate("document.getElementById('type-ACCESS').click();"
                + "document.getElementById('email').value = '" + email + "';"
                + "document.getElementById('details').value = 'Les renseignements de mon dossier client';"
                + "document.getElementById('submit-request').click(); 'sent'");
        person.waitFor("location.pathname.endsWith('/code') && document.getElementById('code-EMAIL')", WAIT);
        return UUID.fromString(person.evaluate("location.pathname.split('/')[3]"));
    }

    /** Signs in as a person in charge and follows the console's own links to the message's text. */
    private String readInTheConsole(String email) throws Exception {
        var password = TestPasswords.fresh("chosen");
        var username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Test officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        try (var officer = ChromiumSession.open(url("/login"), profiles.resolve("officer"))) {
            officer.waitFor("document.getElementById('password')", WAIT);
            officer.evaluate("document.getElementById('username').value = '" + username + "';"
                    + "document.getElementById('password').value = '" + password + "';"
                    + "document.getElementById('password').form.requestSubmit(); 'sent'");
            officer.waitFor("location.pathname === '/console' && document.getElementById('mail-held')", WAIT);

            officer.evaluate("document.querySelector('#mail-held a').click(); 'open'");
            officer.waitFor("location.pathname === '/console/outbox' && document.getElementById('q')", WAIT);
            officer.evaluate("document.getElementById('q').value = '" + email + "';"
                    + "document.getElementById('q').form.requestSubmit(); 'search'");
            officer.waitFor("location.search.includes('q=') && document.querySelector('#outbox tbody a')", WAIT);
            assertThat(officer.evaluate("document.querySelector('#outbox tbody tr').textContent"))
                    .contains(email);

            officer.evaluate("document.querySelector('#outbox tbody a').click(); 'open'");
            officer.waitFor("document.getElementById('message-body')", WAIT);
            var body = officer.evaluate("document.getElementById('message-body').textContent");
            var matcher = CODE.matcher(body);
            assertThat(matcher.find()).as("a six-digit code in the message").isTrue();
            return matcher.group(1);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
