package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public notice: approved versions rendered as a page (headings, lists), English names of recipients and places in
 * the English notice, country names instead of codes, and links between the public pages and from the cookie banner.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicNoticeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    NoticeVersions versions;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void demoMap() {
        jdbc.update("DELETE FROM inventory_notice_version"); // /privacy: the generated notice until an approval
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anApprovedVersionIsRenderedAsHeadingsAndListsNotMarkdownSource() throws Exception {
        int version = versions.approve(Actor.SYSTEM, "synthetic test approval").version();

        var html = page("/privacy/versions/" + version, "fr");

        assertThat(html)
                .contains("<h2>")
                .contains("<li>")
                .doesNotContain("<pre")
                .doesNotContain("## ")
                .doesNotContain("- Google");
        assertThat(html).contains("class=\"privacy-notice\"");
    }

    @Test
    void theEnglishNoticeNamesRecipientsAndPlacesInEnglishAndCountriesByName() throws Exception {
        var english = page("/privacy", "en");

        assertThat(english)
                .contains("Cloud hosting provider (synthetic)")
                .contains("Virginia (United States)")
                .contains("Payroll provider (synthetic) — Ontario (Canada)")
                .doesNotContain("Hébergeur infonuagique")
                .doesNotContain("États-Unis")
                .doesNotContain("— US<");

        var french = page("/privacy", "fr");
        assertThat(french)
                .contains("Hébergeur infonuagique (synthétique) — États-Unis")
                .contains("Fournisseur de paie (synthétique) — Ontario (Canada)")
                .doesNotContain("— CA-ON<");
    }

    @Test
    void theEnglishVersionTextUsesEnglishNamesToo() throws Exception {
        int version = versions.approve(Actor.SYSTEM, "synthetic test approval").version();

        assertThat(page("/privacy/versions/" + version, "en"))
                .contains("Cloud hosting provider (synthetic)")
                .contains("United States")
                .doesNotContain("Hébergeur infonuagique");
    }

    @Test
    void homeNoticeContactAndRequestFormLinkToOneAnother() throws Exception {
        for (var path : List.of("/", "/privacy", "/privacy/contact", "/privacy/requests/new")) {
            assertThat(page(path, "fr"))
                    .as(path)
                    .contains("href=\"/\"")
                    .contains("href=\"/privacy\"")
                    .contains("href=\"/privacy/contact\"")
                    .contains("href=\"/privacy/requests/new\"")
                    .contains("aria-current=\"page\"");
        }
        assertThat(page("/privacy", "en")).contains("Privacy notice").contains("Contact us");
    }

    @Test
    void theCookieBannerLinksToTheNoticeInTheVisitorsLanguage() throws Exception {
        var script = mvc.perform(get("/consent/banner.js"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(script)
                .contains("\"/privacy?lang=\" + lang")
                .contains("Politique de confidentialité")
                .contains("Privacy notice");
    }

    @Test
    void jurisdictionCodesReadAsPlaceNamesInBothLanguages() {
        assertThat(Places.name("US", Locale.FRENCH, messages)).isEqualTo("États-Unis");
        assertThat(Places.name("US", Locale.ENGLISH, messages)).isEqualTo("United States");
        assertThat(Places.name("CA-QC", Locale.ENGLISH, messages)).isEqualTo("Quebec (Canada)");
        assertThat(Places.name("CA-BC", Locale.FRENCH, messages)).isEqualTo("Colombie-Britannique (Canada)");
        assertThat(Places.name("FR-75", Locale.ENGLISH, messages)).isEqualTo("France");
        assertThat(Places.name("Québec et Canada", Locale.ENGLISH, messages)).isEqualTo("Québec et Canada");
        assertThat(Places.name(null, Locale.ENGLISH, messages)).isNull();
    }

    @Test
    void withoutAnEnglishFormTheEnglishNoticeFallsBackToTheNameAndTheJurisdictionsCountry() {
        var party = new ThirdParty("p", "Fournisseur (synthétique)", "partner", "Virginie", "US", null, null, null);

        assertThat(party.name(Locale.ENGLISH)).isEqualTo("Fournisseur (synthétique)");
        assertThat(party.location(Locale.ENGLISH)).isEqualTo("United States");
        assertThat(party.location(Locale.FRENCH)).isEqualTo("Virginie");
    }

    @Test
    void theMarkupKeepsTextAsTextAndGroupsItems() {
        var blocks = NoticeMarkup.blocks("Titre\nIntro <b>\n\n## Section\n- un\n- deux\n### Activité\nLigne\n");

        assertThat(blocks).extracting(NoticeMarkup.Block::kind).containsExactly("p", "h2", "list", "h3", "p");
        assertThat(blocks.get(0).text()).isEqualTo("Intro <b>");
        assertThat(blocks.get(2).items()).containsExactly("un", "deux");
    }
}
