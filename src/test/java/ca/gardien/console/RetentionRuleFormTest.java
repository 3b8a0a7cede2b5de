package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A retention rule written in the console as the other objects of the data map (officer's walk: only its YAML could),
 * its period, legal minimum and source in both languages: one shorter than its legal minimum is refused by its field,
 * what was typed kept, in the page's language; applied, it is the same plan and apply as an edited document.
 */
class RetentionRuleFormTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    private MockHttpServletRequestBuilder rule(MockHttpSession session, String id, String duration) {
        return post("/console/inventory/forms/retentionRules")
                .session(session)
                .with(csrf())
                .param("id", id)
                .param("nameFr", "Dossiers d’essai")
                .param("nameEn", "Test files")
                .param("duration", duration)
                .param("trigger", "end-of-contract")
                .param("legalMinimum", "P6Y")
                .param("legalSource", "Loi d’essai, art. 35")
                .param("legalSourceEn", "Test Act, s. 35")
                .param("disposal", "destroy");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aRuleShorterThanItsLegalMinimumIsRefusedByItsFieldThenAppliedAsTheMapIs() throws Exception {
        var id = "essai-" + UUID.randomUUID().toString().substring(0, 8);
        var officer = login(OFFICER, OFFICER_PASSWORD);
        // in French whatever language the shared officer account chose last (another test may have left English)
        assertThat(html(get("/console/inventory/forms/retentionRules?lang=fr").session(officer)))
                .contains("<label for=\"f-duration\">Durée de conservation (obligatoire)</label>")
                .contains("<option value=\"end-of-contract\">la fin du contrat</option>")
                .contains("<option value=\"anonymize\">Anonymiser les renseignements</option>")
                .contains("Source légale (anglais)");
        var map = inventory.export();

        var shorter = html(rule(officer, id, "P1Y"));
        assertThat(shorter)
                .contains("id=\"f-duration-error\"")
                .contains("ne peut pas être plus courte que le minimum légal P6Y")
                .contains("href=\"#f-duration\"")
                .contains("value=\"P1Y\"")
                .contains("value=\"Test Act, s. 35\"")
                .doesNotContain("id=\"plan\"");
        assertThat(inventory.export()).isEqualTo(map);
        var delegate = person(Role.DELEGATE);
        var english = login(delegate.username(), delegate.password());
        mvc.perform(get("/console").session(english).param("lang", "en"));
        assertThat(html(rule(english, id, "P1Y"))).contains("cannot be shorter than the legal minimum P6Y");

        var planned = mvc.perform(rule(officer, id, "P6Y")).andReturn();
        var model = planned.getModelAndView().getModel();
        assertThat(planned.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Ajout — Règles de conservation");
        html(post("/console/inventory")
                .session(officer)
                .with(csrf())
                .param("action", "apply")
                .param("yaml", (String) model.get("yaml"))
                .param("basedOn", String.valueOf(model.get("basedOn"))));
        assertThat(inventory.current().retentionRules())
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.duration()).isEqualTo("P6Y");
                    assertThat(r.legalSourceEn()).isEqualTo("Test Act, s. 35");
                });
        assertThat(html(get("/console/inventory/forms/retentionRules")
                        .param("id", id)
                        .session(officer)))
                .contains("value=\"Loi d’essai, art. 35\"")
                .contains("<option value=\"end-of-contract\" selected=\"selected\">");
        var staff = person(Role.STAFF);
        assertThat(mvc.perform(rule(login(staff.username(), staff.password()), id, "P9Y"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
