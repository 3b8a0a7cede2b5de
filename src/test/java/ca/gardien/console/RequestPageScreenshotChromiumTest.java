package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The request page in French, in the system's Chromium: what the person asked, their identifiers, the language and
 * the reference render in words, and the page is photographed to {@code target/screenshots/request-page-fr.png} (the
 * image shown in docs/modules/console.md is a copy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestPageScreenshotChromiumTest {

    static final Duration WAIT = OfficerInChromium.WAIT;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    RequestIntake intake;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theFrenchRequestPageShowsTheRequestInWordsAndIsPhotographed() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var id = intake.submit(
                        new NewRequest(
                                "ACCESS",
                                new NewRequest.Subject("camille-" + suffix + "@example.test", null, "C-" + suffix),
                                "QC",
                                "API",
                                "fr",
                                "Je souhaite obtenir une copie des renseignements de mon dossier client.",
                                null,
                                null,
                                null),
                        Actor.SYSTEM)
                .id();
        try (var officer = OfficerInChromium.signIn(accounts, port, profiles.resolve("officer"))) {
            officer.evaluate("location.href = '/console/requests/" + id + "'; 'going'");
            officer.waitFor("document.getElementById('identifiers')", WAIT);

            assertThat(officer.evaluate("document.querySelector('main').textContent"))
                    .contains("Je souhaite obtenir une copie")
                    .contains("camille-" + suffix + "@example.test")
                    .contains("non vérifié")
                    .doesNotContain("RECEIVED")
                    .doesNotContain("??");

            var png = officer.screenshot(1280, 800);
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            var file = Path.of("target", "screenshots", "request-page-fr.png");
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        }
    }
}
