package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.TestPasswords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the system's Chromium, the officer fills the third-party form (contract start and end) in French, sees the plan
 * before applying, and the page is saved as {@code docs/images/data-map-form-fr.png} for docs/data-map.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataMapFormsChromiumTest {

    static final Duration WAIT = Duration.ofSeconds(30);

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
    void theOfficerFillsTheThirdPartyFormAndSeesThePlanBeforeApplying() throws Exception {
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create(username, "Test officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        try (var officer = ChromiumSession.open(url("/login"), profiles.resolve("officer"))) {
            officer.waitFor("document.getElementById('password')", WAIT);
            officer.evaluate("document.getElementById('username').value = '" + username + "';"
                    + "document.getElementById('password').value = '" + password + "';"
                    + "document.getElementById('password').form.requestSubmit(); 'sent'");
            officer.waitFor("location.pathname === '/console'", WAIT);
            officer.evaluate("location.href = '/console/inventory/forms/thirdParties?lang=fr'; 'go'");
            officer.waitFor("document.getElementById('f-contractEnd')", WAIT);
            officer.evaluate("const v = {id: 'hebergeur-exemple', name: 'Hébergeur Exemple inc. (synthétique)',"
                    + " location: 'Montréal', jurisdiction: 'CA-QC', commitmentReference: 'Contrat H-2026-01',"
                    + " contractStart: '2026-01-01', contractEnd: '2028-12-31'};"
                    + "for (const k in v) document.getElementById('f-' + k).value = v[k];"
                    + "document.getElementById('f-contractEnd').form.requestSubmit(); 'sent'");
            officer.waitFor("document.getElementById('plan')", WAIT);
            assertThat(officer.evaluate("document.getElementById('plan').textContent"))
                    .contains("Ajout — Tiers : Hébergeur Exemple inc. (synthétique)"); // named, not by its id
            var png = Path.of("docs/images/data-map-form-fr.png");
            officer.screenshot(png, 1000, 900);
            assertThat(Files.size(png)).isPositive();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
