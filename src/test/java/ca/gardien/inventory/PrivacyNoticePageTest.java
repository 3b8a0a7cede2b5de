package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The public notice at {@code /privacy} is generated from the data map, in French by default and in English. */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyNoticePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    Organization organization;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void demoOrganization() {
        // the notice generated from the map: what the public page shows until a first approval (PublishedNoticeTest)
        jdbc.update("DELETE FROM inventory_notice_version");
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        organization.update(
                new OrganizationProfile(
                        "Exemple inc.",
                        null,
                        new OrganizationProfile.Address("1 rue Exemple", "Québec", "Québec", "G1A 0A1", "Canada"),
                        new OrganizationProfile.PersonInCharge(
                                "Personne Responsable",
                                "Directrice des opérations",
                                "Director of Operations",
                                "prp@exemple.example",
                                null),
                        null),
                Actor.SYSTEM);
    }

    @Test
    void rendersInFrenchByDefaultWithEveryPurposeAndThirdParty() throws Exception {
        var html = page("/privacy");
        assertThat(html).contains("lang=\"fr\"").contains("Politique de confidentialité");
        assertListsEveryPurposeAndThirdParty(html, Locale.FRENCH);
        assertThat(html).contains("Personne Responsable").contains("Commission d’accès à l’information");
    }

    @Test
    void rendersInEnglishOnRequest() throws Exception {
        var html = page("/privacy?lang=en");
        assertThat(html).contains("lang=\"en\"").contains("Privacy policy");
        assertListsEveryPurposeAndThirdParty(html, Locale.ENGLISH);
        assertThat(html).doesNotContain("Politique de confidentialité");
    }

    @Test
    void printsThePersonInChargesTitleInThePagesLanguageOnly() throws Exception {
        assertThat(page("/privacy")).contains("Directrice des opérations").doesNotContain("Director of Operations");
        assertThat(page("/privacy?lang=en"))
                .contains("Director of Operations")
                .doesNotContain("Directrice des opérations");
    }

    @Test
    void showsRetentionAndCommunicationsOutsideQuebec() throws Exception {
        var html = page("/privacy?lang=en");
        assertThat(html).contains("Accounting and tax records: 6 years, then destroyed");
        assertThat(html)
                .contains("Communication outside Québec")
                .contains("Google LLC (Google Analytics) — United States")
                .doesNotContain("Google LLC (Google Analytics) — US<");
    }

    @Test
    void isPublicAndIgnoresAnUnknownLanguage() throws Exception {
        mvc.perform(get("/privacy").param("lang", "xx")).andExpect(status().isOk());
    }

    void assertListsEveryPurposeAndThirdParty(String html, Locale locale) {
        var map = inventory.current();
        map.purposes().forEach(p -> assertThat(html).contains(escape(p.name().in(locale))));
        map.thirdParties().forEach(t -> assertThat(html).contains(escape(t.name(locale))));
    }

    /** Thymeleaf escapes markup characters only, not accented letters. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
