package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Each data-map form marks "(obligatoire)" exactly the fields the data map's rules refuse empty (officer's review: a
 * jurisdiction nothing marked came back "est obligatoire"): a form sent with every field empty comes back with an
 * error at each marked field and at no other.
 */
class InventoryRequiredFieldsTest extends WebTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"systems", "purposes", "thirdParties", "piCategories", "transfers", "retentionRules"})
    void theFieldsMarkedRequiredAreExactlyThoseRefusedEmpty(String kind) throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console").session(session).param("lang", "fr"));
        var form = HtmlUtils.htmlUnescape(
                mvc.perform(get("/console/inventory/forms/" + kind).session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        var empty = post("/console/inventory/forms/" + kind).session(session).with(csrf());
        for (var field : InventoryForms.fieldsOf(kind)) {
            if (!field.endsWith("?")) {
                empty.param(field.endsWith("@") ? field.substring(0, field.length() - 1) : field, "");
            }
        }
        var refused = HtmlUtils.htmlUnescape(
                mvc.perform(empty).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(form).contains("Les champs marqués (obligatoire) doivent être remplis.");
        for (var field : InventoryForms.fieldsOf(kind)) {
            var name = field.replaceAll("[?@]$", "");
            boolean required = InventoryRequiredFields.of(kind).contains(name);
            // a name kept in both languages is one rule, reported at its French field: the English one is required
            // with it (Text.complete) but carries no error of its own when both are empty
            assertThat(refused.contains("id=\"f-" + name + "-error\""))
                    .as("%s.%s is refused empty exactly when marked required", kind, name)
                    .isEqualTo(required && !name.equals("nameEn"));
            assertThat(form.matches("(?s).*<label for=\"f-" + name + "\">[^<]*\\(obligatoire\\)</label>.*"))
                    .as("%s.%s is marked (obligatoire) exactly when required", kind, name)
                    .isEqualTo(required);
            assertThat(form.matches("(?s).*id=\"f-" + name + "\"[^>]*aria-required=\"true\".*"))
                    .as("%s.%s is aria-required exactly when required", kind, name)
                    .isEqualTo(required);
        }
    }
}
