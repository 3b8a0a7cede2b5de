package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Organization;
import ca.gardien.shared.Actor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public notice is the version the person in charge approved: a change to the data map reaches {@code /privacy}
 * only with the next approval, the console shows the draft and what it would change, and an approved version is the
 * whole notice (the other modules' statements included).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublishedNoticeTest {

    private static final String PURPOSE = "Répondre aux demandes";
    private static final String RENAMED = "Répondre aux questions synthétiques";

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    NoticeVersions versions;

    @Autowired
    Organization organization;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void demoMapWithoutApprovedVersion() {
        jdbc.update("DELETE FROM inventory_notice_version");
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String console(String path) throws Exception {
        return page(get(path).with(user("auditor").roles("AUDITOR")));
    }

    @Test
    void untilAFirstApprovalThePublicPageShowsTheNoticeGeneratedFromTheMap() throws Exception {
        assertThat(page(get("/privacy"))).contains("<dl>").doesNotContain("id=\"in-force\"");
        assertThat(console("/console/inventory"))
                .contains("Aucune version n’est encore approuvée\u202f: la page publique montre la politique générée");
        assertThat(console("/console/inventory/notice/draft"))
                .contains("Projet de la version 1 — aucune version approuvée")
                .contains("<ins>Politique de confidentialité</ins>")
                .doesNotContain("## ", "<pre");
    }

    @Test
    void aChangeToTheMapReachesThePublicPageOnlyWhenTheNextVersionIsApproved() throws Exception {
        int first = versions.approve(Actor.SYSTEM, "synthetic test approval").version();
        assertThat(console("/console/inventory"))
                .contains("La page publique montre la version " + first)
                .contains("Elle est à jour avec l’inventaire.");
        assertThat(console("/console/inventory/notice/draft"))
                .contains("Aucun changement depuis la version " + first + "\u202f: rien à approuver.");

        inventory.apply(DemoDataMap.document().replace("fr: " + PURPOSE + ",", "fr: " + RENAMED + ","), Actor.SYSTEM);

        assertThat(page(get("/privacy")))
                .contains("id=\"in-force\"")
                .contains("Version " + first + " approuvée le")
                .contains(PURPOSE)
                .doesNotContain(RENAMED);
        assertThat(console("/console/inventory"))
                .contains("le projet de la version " + (first + 1)
                        + " n’est pas public tant que vous ne l’approuvez pas");
        assertThat(console("/console/inventory/notice/draft"))
                .contains("Projet de la version " + (first + 1) + " — changements depuis la version " + first)
                .contains("<ins>• " + RENAMED)
                .contains("<title>Voir le projet et ses changements — Gardien</title>");

        int second = versions.approve(Actor.SYSTEM, "synthetic test approval").version();

        assertThat(page(get("/privacy")))
                .contains("Version " + second + " approuvée le")
                .contains(RENAMED)
                .contains("/privacy/versions/" + first);
    }

    @Test
    void anApprovedVersionCarriesTheOtherModulesStatementsAndTheTransfersIntroduction() {
        var statement =
                new NoticeStatements.Statement("Technologies de profilage", List.of("Recommandations — à activer"));
        var text = NoticeText.render(
                PrivacyNotice.of(inventory.current(), Locale.FRENCH, messages),
                List.of(statement),
                organization.profile().orElse(null),
                messages,
                Locale.FRENCH);

        assertThat(text)
                .contains("\n## Technologies de profilage\n- Recommandations — à activer\n")
                .contains(messages.getMessage("notice.outside.intro", null, Locale.FRENCH));
    }

    @Test
    void theDraftPageIsForConsoleRolesOnly() throws Exception {
        mvc.perform(get("/console/inventory/notice/draft")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPersonInChargesNameStartingWithMarkupStaysInItsLabelledLine() {
        // attacker's review: a name "## Rubrique injectée" became a heading of the published notice, "- …" an item
        var address = new ca.gardien.organization.OrganizationProfile.Address(
                "1 rue Synthétique", "Montréal", "QC", "H0H 0H0", "Canada");
        for (var name : List.of("## Rubrique injectée", "- Faux élément")) {
            var forged = new ca.gardien.organization.OrganizationProfile(
                    "Organisation synthétique inc.",
                    null,
                    address,
                    new ca.gardien.organization.OrganizationProfile.PersonInCharge(
                            name, "Responsable", null, "responsable@example.test", null),
                    null);
            var text = NoticeText.render(
                    PrivacyNotice.of(inventory.current(), Locale.FRENCH, messages),
                    List.of(),
                    forged,
                    messages,
                    Locale.FRENCH);
            var blocks = NoticeMarkup.blocks(text);
            var forgedStart = name.substring(2);
            assertThat(blocks)
                    .noneMatch(b -> (b.text() != null && b.text().startsWith(forgedStart))
                            || b.items().stream().anyMatch(i -> i.startsWith(forgedStart)));
            assertThat(blocks.getLast().kind()).isEqualTo("p");
            assertThat(blocks.getLast().text())
                    .startsWith(messages.getMessage("notice.contact.person", null, Locale.FRENCH))
                    .contains(name);
        }
    }
}
