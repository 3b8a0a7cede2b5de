package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * Officer's walk: the English retention page showed the demo's legal source in French (« art. 35 — à vérifier »). A
 * rule's legal source is shown in the page's language — its English form ({@code legalSourceEn}) on English pages, in
 * the API and on the certificate — and the demo's rules have one.
 */
class RetentionLegalSourceTest extends RetentionTestSupport {

    /** The demo data map's retention rules, added to the map as it stands (the rest is other tests'). */
    private void demoRules() throws Exception {
        try (var in = getClass().getResourceAsStream("/demo/ingeno.yaml")) {
            var demo = YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            var rules = YAML.createObjectNode();
            rules.putArray("piCategories");
            rules.putArray("datasets");
            rules.set("retentionRules", demo.get("retentionRules"));
            annotate(YAML.writeValueAsString(rules));
        }
    }

    private String card(String lang) throws Exception {
        var auditor = person(Role.AUDITOR);
        var html = mvc.perform(get("/console/retention")
                        .session(login(auditor.username(), auditor.password()))
                        .param("lang", lang))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var card = html.substring(html.indexOf("id=\"rule-accounting-records\""));
        return HtmlUtils.htmlUnescape(card.substring(0, card.indexOf("</section>")));
    }

    @Test
    void theDemosLegalSourcesAreInThePagesLanguageOnThePageAndInTheApi() throws Exception {
        demoRules();

        assertThat(card("en"))
                .contains(
                        "<dd class=\"legal-source\">Tax Administration Act (CQLR, c. A-6.002), s. 35 — to be verified")
                .doesNotContain("vérifier")
                .doesNotContain("Loi sur");
        assertThat(card("fr")).contains("Loi sur l’administration fiscale (RLRQ, c. A-6.002), art. 35 — à vérifier");
        var english = call(
                get("/api/v1/retention/rules")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "en"),
                200);
        assertThat(JsonPath.<List<String>>read(english, "$[*].legalSource"))
                .contains(
                        "Tax Administration Act (CQLR, c. A-6.002), s. 35 — to be verified",
                        "P-39.1, s. 11 (information used to make a decision) — to be verified")
                .noneMatch(source -> source != null && source.contains("vérifier"));
    }
}
