package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** A new privacy officer account (its own password chosen) signed in to the console in the system's Chromium. */
final class OfficerInChromium {

    static final Duration WAIT = Duration.ofSeconds(30);

    private OfficerInChromium() {}

    /** Opens Chromium on the sign-in page and signs in; returns once the dashboard is shown. */
    static ChromiumSession signIn(AccountAdministration accounts, int port, Path profile) throws Exception {
        var password = TestPasswords.fresh("chosen");
        var username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Test officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var officer = ChromiumSession.open("http://localhost:" + port + "/login", profile);
        officer.waitFor("document.getElementById('password')", WAIT);
        officer.evaluate("document.getElementById('username').value = '" + username + "';"
                + "document.getElementById('password').value = '" + password + "';"
                + "document.getElementById('password').form.requestSubmit(); 'sent'");
        officer.waitFor("location.pathname === '/console'", WAIT);
        return officer;
    }
}
