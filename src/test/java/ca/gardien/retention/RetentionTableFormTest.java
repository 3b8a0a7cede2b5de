package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.inventory.Dataset;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Officer's walk: the retention page said to keep each table under its rule "on the connector's page", which had no
 * field for it — only the data map's YAML could. The connector's page now has a form per table: the rule, and the
 * column its period counts from among the table's dates; checked by field in the page's language, applied as the
 * annotations are (a new revision of the data map and its ledger fact), for those who may edit the data map.
 */
class RetentionTableFormTest extends PlantedShop {

    @Autowired
    Inventory inventory;

    private String page(MockHttpSession session, String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder keep(MockHttpSession session, String table, String rule, String trigger) {
        return post("/console/connectors/" + connector + "/retention")
                .session(session)
                .with(csrf())
                .param("basedOn", String.valueOf(inventory.revision())) // the page's, read just now
                .param("table", table)
                .param("rule", rule)
                .param("triggerColumn", trigger);
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private Dataset.Table orders() {
        return inventory.current().datasets().stream()
                .filter(d -> d.id().equals(connector))
                .flatMap(d -> d.tables().stream())
                .filter(t -> t.name().equalsIgnoreCase("orders"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void theOfficerLetsATableGoAndKeepsItAgainFromTheConnectorPageAndTheRetentionPageFollows() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var connectorPage = page(officer, "/console/connectors/" + connector);
        assertThat(connectorPage)
                .contains("<h2 id=\"retention-title\">Conservation par table</h2>")
                .contains("action=\"/console/connectors/" + connector + "/retention\"")
                .contains("Enregistrer la conservation de ORDERS")
                // the rule by its name and period, the column among the table's dates only
                .containsPattern("<option value=\"orders\" selected=\"selected\">Commandes — 6 ans après la clôture de"
                        + " la commande \\(destruction\\)</option>")
                .contains("<option data-raw value=\"CLOSED_AT\" selected=\"selected\">CLOSED_AT</option>")
                .doesNotContain("<option data-raw value=\"TOTAL\"");
        long before = inventory.revision();

        var letGo = mvc.perform(keep(officer, "ORDERS", "", "")).andReturn();
        assertThat(letGo.getResponse().getRedirectedUrl()).isEqualTo("/console/connectors/" + connector + "#retention");
        assertThat(String.valueOf(letGo.getFlashMap().get("retentionKept")))
                .isEqualTo("La table «\u202fORDERS\u202f» ne suit plus aucune règle de conservation.");
        assertThat(page(officer, "/console/connectors/" + connector)) // the redirect followed: said once, there
                .contains("<span>La table «\u202fORDERS\u202f» ne suit plus aucune règle de conservation.</span>");
        assertThat(orders()).isNull(); // nothing but its name was left: the table is taken out of the entry
        assertThat(inventory.revision()).isEqualTo(before + 1);
        awaitLedgerEntry(
                "inventory.applied",
                e -> String.valueOf(e.get("payload")).contains("\"revision\":\"" + (before + 1) + "\""));
        // the retention page links the rule without tables to where it is done
        assertThat(page(officer, "/console/retention"))
                .contains("dans la section «\u202fConservation par table\u202f» de la page du connecteur")
                .contains("href=\"/console/connectors/" + connector + "#retention\"");

        var kept = mvc.perform(keep(officer, "ORDERS", "orders", "CLOSED_AT")).andReturn();
        assertThat(kept.getResponse().getRedirectedUrl()).endsWith("#retention");
        assertThat(String.valueOf(kept.getFlashMap().get("retentionKept")))
                .startsWith("La table «\u202fORDERS\u202f» suit maintenant la règle Commandes")
                .endsWith("son délai part de la colonne CLOSED_AT.");
        assertThat(orders().retention()).isEqualTo("orders");
        assertThat(orders().triggerColumn()).isEqualTo("CLOSED_AT");
        assertThat(inventory.revision()).isEqualTo(before + 2);
        assertThat(page(officer, "/console/retention")).contains("ORDERS (base «\u202f" + connector + "\u202f»");
        assertThat(page(
                        officer,
                        "/console/connectors/" + connector)) // said where the form is, with the way to the rule
                .containsPattern(
                        "<p id=\"retention-kept\" class=\"status\" role=\"status\"><span>La table «\u202fORDERS")
                .contains("href=\"/console/retention#rule-orders\"");
    }

    @Test
    void aRuleWithoutItsColumnOrFromAColumnThatIsNoDateIsRefusedNamingTheFieldAndKeepsTheChoice() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var map = inventory.export();

        var noColumn = refused(keep(officer, "ORDERS", "orders", ""));
        assertThat(noColumn)
                .contains("La conservation n’a pas été enregistrée")
                .contains("<a href=\"#retention-triggerColumn\">Colonne dont part le délai\u202f: Choisissez la colonne"
                        + " dont part le délai de conservation")
                .contains("id=\"retention-triggerColumn-error\"")
                .containsPattern("<select id=\"retention-triggerColumn\" name=\"triggerColumn\" aria-invalid=\"true\""
                        + " aria-describedby=\"retention-triggerColumn-error\">")
                .containsPattern("<details class=\"retention-table\" open=\"open\">\\s*<summary><span data-raw>ORDERS")
                .contains("<option value=\"orders\" selected=\"selected\">Commandes"); // the choice kept
        assertThat(refused(keep(officer, "ORDERS", "", "CLOSED_AT")))
                .contains("Choisissez la règle de conservation que suit cette table, ou videz aussi la colonne");
        assertThat(refused(keep(officer, "ORDERS", "orders", "TOTAL")))
                .contains("La colonne «\u202fTOTAL\u202f» n’est pas une date (INTEGER)\u202f: le délai de conservation")
                .contains("<option value=\"TOTAL\" selected>TOTAL (pas une date)</option>");
        assertThat(refused(keep(officer, "ORDERS", "orders", "SHIPPED_AT")))
                .contains("La table «\u202fORDERS\u202f» n’a pas de colonne «\u202fSHIPPED_AT\u202f»");
        assertThat(refused(keep(officer, "ORDERS", "no-such-rule", "CLOSED_AT")))
                .contains("Choisissez l’une des règles de conservation du plan de données.");
        assertThat(refused(keep(officer, "NO_SUCH_TABLE", "orders", "CLOSED_AT")))
                .contains("La table «\u202fNO_SUCH_TABLE\u202f» n’est pas dans cette base de données");
        assertThat(inventory.export()).isEqualTo(map);

        var delegate = person(Role.DELEGATE); // the language is the account's
        var english = login(delegate.username(), delegate.password());
        mvc.perform(get("/console").session(english).param("lang", "en"));
        assertThat(refused(keep(english, "ORDERS", "orders", "")))
                .contains("The retention was not saved: correct the fields shown.")
                .contains("Column the period counts from: Choose the column the retention period counts from")
                .doesNotContain("Choisissez");
        assertThat(inventory.export()).isEqualTo(map);
    }

    @Test
    void aChoiceMadeOnAPageReadBeforeAnotherChangeIsRefusedAndNothingIsApplied() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var map = inventory.export();
        var stale = refused(keep(officer, "ORDERS", "", "").param("basedOn", String.valueOf(inventory.revision() - 1)));
        assertThat(stale).contains("L’inventaire a changé depuis que ces changements ont été préparés");
        assertThat(inventory.export()).isEqualTo(map);
        assertThat(orders().retention()).isEqualTo("orders");
        // the page is read again at the map as it is: choosing again applies
        assertThat(stale).contains("name=\"basedOn\" value=\"" + inventory.revision() + "\"");
    }

    @Test
    void aDatabaseThatDoesNotAnswerTakesTheNamesTyped() throws Exception {
        var dead = "dead-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        register(dead, "jdbc:postgresql://127.0.0.1:1/nothing");
        try {
            var officer = login(OFFICER, OFFICER_PASSWORD);
            assertThat(page(officer, "/console/connectors/" + dead))
                    .contains("id=\"retention-typed\"")
                    .contains("id=\"retention-other\"")
                    .contains("<input id=\"retention-other-triggerColumn\" name=\"triggerColumn\"");
            var bad = refused(post("/console/connectors/" + dead + "/retention")
                    .session(officer)
                    .with(csrf())
                    .param("basedOn", String.valueOf(inventory.revision()))
                    .param("table", "web visits")
                    .param("rule", "orders")
                    .param("triggerColumn", "visited_at"));
            assertThat(bad)
                    .contains("«\u202fweb visits\u202f» n’est pas un nom de table ou de colonne")
                    .contains("<input id=\"retention-table\" name=\"table\" maxlength=\"128\" autocomplete=\"off\""
                            + " value=\"web visits\"");
            var kept = mvc.perform(post("/console/connectors/" + dead + "/retention")
                            .session(officer)
                            .with(csrf())
                            .param("basedOn", String.valueOf(inventory.revision()))
                            .param("table", "web_visit")
                            .param("rule", "orders")
                            .param("triggerColumn", "visited_at"))
                    .andReturn();
            assertThat(kept.getResponse().getRedirectedUrl()).isEqualTo("/console/connectors/" + dead + "#retention");
            assertThat(inventory.current().datasets().stream()
                            .filter(d -> d.id().equals(dead))
                            .flatMap(d -> d.tables().stream())
                            .map(t -> t.name() + ":" + t.retention() + ":" + t.triggerColumn()))
                    .containsExactly("web_visit:orders:visited_at");
        } finally {
            forget(dead);
        }
    }

    @Test
    void auditorsAndStaffCannotKeepATableUnderARuleAndTheFormNeedsItsCsrfToken() throws Exception {
        var map = inventory.export();
        for (var role : new Role[] {Role.AUDITOR, Role.STAFF}) {
            var person = person(role);
            var session = login(person.username(), person.password());
            assertThat(mvc.perform(keep(session, "ORDERS", "", ""))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role.name())
                    .isEqualTo(403);
        }
        var officer = login(OFFICER, OFFICER_PASSWORD);
        assertThat(mvc.perform(post("/console/connectors/" + connector + "/retention")
                                .session(officer)
                                .param("table", "ORDERS"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/console/connectors/no-such-connector/retention")
                                .session(officer)
                                .with(csrf())
                                .param("table", "ORDERS"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(inventory.export()).isEqualTo(map);
        var auditor = person(Role.AUDITOR); // the retention page: no link to a page the auditor cannot open
        mvc.perform(keep(login(OFFICER, OFFICER_PASSWORD), "ORDERS", "", ""));
        assertThat(page(login(auditor.username(), auditor.password()), "/console/retention"))
                .doesNotContain("href=\"/console/connectors/" + connector + "#retention\"");
    }
}
