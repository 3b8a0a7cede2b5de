package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in French, in the system's Chromium, on the demo data map: the tiles render and the page is
 * photographed to {@code target/screenshots/dashboard-fr.png} (the image shown in docs/modules/console.md is a copy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardScreenshotChromiumTest {

    static final Duration WAIT = OfficerInChromium.WAIT;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Inventory inventory;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theFrenchDashboardShowsTheProgramTilesAndIsPhotographed() throws Exception {
        try (var demo = getClass().getResourceAsStream("/demo/ingeno.yaml")) {
            inventory.apply(new String(demo.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Actor.SYSTEM);
        }
        try (var officer = OfficerInChromium.signIn(accounts, port, profiles.resolve("officer"))) {
            officer.waitFor("location.pathname === '/console' && document.querySelector('.tiles')", WAIT);

            assertThat(officer.evaluate("String(document.querySelectorAll('.tiles .tile').length)"))
                    .as(
                            "requests, complaints, incidents, privacy impact assessments, training, policies, consent, data map,"
                                    + " retention")
                    .isEqualTo("9");
            assertThat(officer.evaluate("document.querySelector('.tiles').textContent"))
                    .contains("Demandes d’exercice de droits")
                    .contains("Consentement")
                    .contains("Évaluations des facteurs relatifs à la vie privée")
                    .contains("Formation et sensibilisation")
                    .contains("Politiques et pratiques")
                    .contains("Conservation")
                    .contains("écarts élevés"); // the data map's word for the severity
            // the officer's first facts are recorded after commit, behind whatever the ledger still has to write: read
            // again (the sign-in itself is the ledger's to keep, not the program's recent activity)
            for (int i = 0;
                    i < 40
                            && !officer.evaluate("document.getElementById('activity').textContent")
                                    .contains("Mot de passe changé");
                    i++) {
                Thread.sleep(500);
                officer.evaluate("location.reload(); 'reload'");
                officer.waitFor("document.readyState === 'complete' && document.getElementById('activity')", WAIT);
            }
            assertThat(officer.evaluate("document.getElementById('activity').textContent"))
                    .contains("Mot de passe changé");

            var png = officer.screenshot(1280, 800);
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            var file = Path.of("target", "screenshots", "dashboard-fr.png");
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        }
    }
}
