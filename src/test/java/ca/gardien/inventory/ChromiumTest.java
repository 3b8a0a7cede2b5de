package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published notice and the data-flow picture as the system's Chromium renders them (headless, DOM dumped after
 * parsing). Skipped when no Chromium is installed; {@code GARDIEN_CHROMIUM} names another binary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    Inventory inventory;

    @Autowired
    Organization organization;

    @TempDir
    Path profileDir;

    @BeforeEach
    void demoOrganization() {
        boolean present = Files.isExecutable(Path.of(chromium()));
        if (!present && "true".equalsIgnoreCase(System.getenv("GARDIEN_TEST_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(
                    "GARDIEN_TEST_REQUIRE_BROWSER=true but there is no Chromium at " + chromium());
        }
        assumeTrue(
                present,
                "no Chromium at " + chromium() + ": browser tests skipped (install chromium or set "
                        + "GARDIEN_CHROMIUM)");
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        organization.update(
                new OrganizationProfile(
                        "Exemple inc.",
                        null,
                        new OrganizationProfile.Address("1 rue Exemple", "Québec", "Québec", "G1A 0A1", "Canada"),
                        new OrganizationProfile.PersonInCharge(
                                "Personne Responsable", "Directrice des opérations", "prp@exemple.example", null),
                        null),
                Actor.SYSTEM);
    }

    @Test
    void rendersTheNoticeInFrenchByDefaultListingEveryPurposeAndThirdParty() throws Exception {
        var dom = render("http://127.0.0.1:" + port + "/privacy");
        assertThat(dom).contains("lang=\"fr\"").contains("Politique de confidentialité");
        assertNamesEveryPurposeAndThirdParty(dom, Locale.FRENCH);
    }

    @Test
    void rendersTheNoticeInEnglishWithLangEn() throws Exception {
        var dom = render("http://127.0.0.1:" + port + "/privacy?lang=en");
        assertThat(dom).contains("lang=\"en\"").contains("Privacy policy");
        assertNamesEveryPurposeAndThirdParty(dom, Locale.ENGLISH);
    }

    @Test
    void rendersThePictureNamingEverySystemAndThirdParty() throws Exception {
        var file = profileDir.resolve("map.svg");
        Files.writeString(file, inventory.picture(Locale.FRENCH), StandardCharsets.UTF_8);
        var dom = render(file.toUri().toString());
        assertThat(dom).startsWith("<svg").doesNotContain("parsererror");
        var map = inventory.current();
        map.systems().forEach(s -> assertThat(dom).contains(s.name()));
        map.thirdParties().forEach(t -> assertThat(dom).contains(t.name()));
    }

    void assertNamesEveryPurposeAndThirdParty(String dom, Locale locale) {
        var map = inventory.current();
        map.purposes().forEach(p -> assertThat(dom).contains(p.name().in(locale)));
        map.thirdParties().forEach(t -> assertThat(dom).contains(t.name()));
    }

    String render(String url) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + profileDir.resolve("profile"),
                "--dump-dom",
                url));
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static String chromium() {
        var configured = System.getenv("GARDIEN_CHROMIUM");
        return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
    }
}
