package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void demoOrganization() {
        HeadlessChromium.assumeAvailable();
        jdbc.update("DELETE FROM inventory_notice_version"); // the generated notice, as before any approval
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        organization.update(
                new OrganizationProfile(
                        "Exemple inc.",
                        null,
                        new OrganizationProfile.Address("1 rue Exemple", "Québec", "Québec", "G1A 0A1", "Canada"),
                        new OrganizationProfile.PersonInCharge(
                                "Personne Responsable", "Directrice des opérations", null, "prp@exemple.example", null),
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
        map.thirdParties().forEach(t -> assertThat(dom).contains(t.name(locale)));
    }

    String render(String url) throws IOException, InterruptedException {
        return HeadlessChromium.dumpDom(url, profileDir.resolve("profile"));
    }
}
