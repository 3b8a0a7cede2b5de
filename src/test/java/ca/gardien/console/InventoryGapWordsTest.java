package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A gap names its object by its label in the page's language; neither the data map's path nor the rule's id is on the
 * page, not even in a disclosure (officer review: « Entrée brute du registre » held {@code transfers/analytics-us}).
 */
class InventoryGapWordsTest extends WebTestSupport {

    /** A provider, a category without retention and an activity without purpose: gaps of three kinds. */
    static final String WITH_GAPS = """
                thirdParties:
                  - {id: hebergeur, name: Hébergeur synthétique, kind: service-provider, jurisdiction: CA-QC}
                subjectCategories:
                  - {id: customer, name: {fr: Clients, en: Customers}}
                piCategories:
                  - {id: contact, name: {fr: Coordonnées, en: Contact information}}
                legalBases:
                  - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
                processingActivities:
                  - {id: sans-fin, name: {fr: Sans fin, en: No purpose}, subjects: [customer], categories: [contact],
                     legalBasis: contract, source: person}
                """;

    @Autowired
    Inventory inventory;

    @Test
    void aGapNamesItsObjectByItsLabelAndThePageHoldsNoDataMapPath() throws Exception {
        inventory.apply(ConsoleConsentTest.MAP, Actor.SYSTEM); // its category "contact" has no retention rule
        var delegate = person(Role.DELEGATE); // the language is remembered per account
        var session = login(delegate.username(), delegate.password());
        for (var language : new String[] {"fr", "en"}) {
            var html = mvc.perform(get("/console/inventory/gaps")
                            .param("lang", language)
                            .session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html)
                    .as(language)
                    .contains(language.equals("fr") ? "Voir « Coordonnées »" : "See “Contact information”")
                    .doesNotContain("piCategories/contact")
                    .doesNotContain("data-raw")
                    .doesNotContain(language.equals("fr") ? "Entrée brute" : "Raw ledger entry");
            // the page walk's wording check, on every text of the page (a disclosure's included)
            var text = html.replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", "\n");
            assertThat(ca.gardien.support.PageAudit.wordingProblems(text, language, java.util.Set.of()))
                    .as(language)
                    .filteredOn(p -> p.startsWith("data-map path"))
                    .isEmpty();
            // what a person reads: the raw entries (data-raw) and the attributes left out
            var read = readAsText(html);
            assertThat(read)
                    .as(language)
                    .doesNotContain("piCategories/contact")
                    .doesNotContain(">contact<")
                    .doesNotContain("élément contact")
                    .doesNotContain("item contact");
        }
    }

    @Test
    void aGapLeadsToWhereItsItemIsDealtWithAndAProviderIsNamed() throws Exception {
        inventory.apply(WITH_GAPS, Actor.SYSTEM);
        var officer = person(Role.PRIVACY_OFFICER);
        var html = mvc.perform(get("/console/inventory/gaps")
                        .param("lang", "fr")
                        .session(login(officer.username(), officer.password())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html)
                .as("a processing activity's gap leads to its line of the record, not the data map's top")
                .contains("href=\"/console/inventory/record#activity-sans-fin\"")
                .as("a provider's gap leads to its card and names it")
                .contains("href=\"/console/governance/providers#provider-hebergeur\"")
                .contains("Voir «\u202fHébergeur synthétique\u202f»");
        mvc.perform(get("/console/inventory/record").session(login(officer.username(), officer.password())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"activity-sans-fin\"")));
    }
}
