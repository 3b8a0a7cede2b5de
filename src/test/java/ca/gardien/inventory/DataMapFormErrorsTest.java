package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * A data-map form submitted with its id empty comes back with the mistake next to the id field, with every other
 * mistake at once, in the page's language, never a 500 (officer review, 2026-12-06); the id's hint and its rule agree;
 * a reader without the right role is refused (403); each object with a form has a link to edit it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataMapFormErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    AccountAdministration accounts;

    @BeforeEach
    void demoMap() {
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"systems", "purposes", "thirdParties", "piCategories", "transfers"})
    void anEmptyIdIsAFormErrorNextToItsFieldInFrench(String kind) throws Exception {
        var page = submitEmpty(session(Role.PRIVACY_OFFICER, "fr"), kind);
        assertThat(page)
                .contains("Le formulaire contient des erreurs, chacune signalée à côté de son champ")
                .contains("id=\"f-id-error\"")
                .contains("doit compter de 1 à 100 lettres minuscules (sans accent), chiffres, « . », « _ » ou « - »,"
                        + " en commençant par une lettre ou un chiffre")
                .contains("<a href=\"#f-id\">Identifiant")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-id-error h-id\"")
                .contains("en commençant par une lettre ou un chiffre, par exemple crm ou crm.ventes")
                .doesNotContain("lettres minuscules, chiffres et tirets", "id=\"plan\"");
        if (kind.equals("systems")) { // every mistake at once, each at its field
            assertThat(page).contains("id=\"f-name-error\"").contains("<a href=\"#f-name\">Nom");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"systems", "purposes", "thirdParties", "piCategories", "transfers"})
    void anEmptyIdIsAFormErrorNextToItsFieldInEnglish(String kind) throws Exception {
        var page = submitEmpty(session(Role.DELEGATE, "en"), kind);
        assertThat(page)
                .contains("The form has errors, each shown next to its field; nothing was changed.")
                .contains("id=\"f-id-error\"")
                .contains("must be 1 to 100 lower-case letters (no accents), digits, “.”, “_” or “-”, starting with a"
                        + " letter or a digit")
                .contains("<a href=\"#f-id\">Identifier: must be")
                .doesNotContain("digits and hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "STAFF"})
    void aReaderWithoutTheRightRoleIsRefusedNotAnError(Role role) throws Exception {
        var response = mvc.perform(post("/console/inventory/forms/systems")
                        .session(session(role, "fr"))
                        .with(csrf())
                        .param("id", ""))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"systems", "thirdParties"})
    void eachObjectWithAFormHasALinkToEditIt(String kind) throws Exception {
        var officer = session(Role.PRIVACY_OFFICER, "fr");
        var page = HtmlUtils.htmlUnescape(mvc.perform(get("/console/inventory").session(officer))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var id = inventory.current().sections().stream()
                .filter(s -> s.name().equals(kind))
                .flatMap(s -> s.items().stream())
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(page).contains("href=\"/console/inventory/forms/" + kind + "?id=" + id + "\"");
        var form = mvc.perform(
                        get("/console/inventory/forms/" + kind).param("id", id).session(officer))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString(StandardCharsets.UTF_8)).contains("value=\"" + id + "\"");
    }

    private String submitEmpty(MockHttpSession session, String kind) throws Exception {
        var response = mvc.perform(post("/console/inventory/forms/" + kind)
                        .session(session)
                        .with(csrf())
                        .param("id", "")
                        .param("name", ""))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** A fresh account of the role whose pages are in the given language (kept per account). */
    private MockHttpSession session(Role role, String lang) throws Exception {
        var session = new ConsoleSessions(mvc, accounts).session(role);
        mvc.perform(get("/console").session(session).param("lang", lang)).andReturn();
        return session;
    }
}
