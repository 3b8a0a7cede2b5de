package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class BannerTest extends WebTestSupport {

    static final int MAX_JS_GZIP = 10 * 1024;
    static final int MAX_CSS_GZIP = 5 * 1024;

    /**
     * The IAB CMP APIs are a script of their own: only the pages of a publisher that enables IAB strings load it, so
     * that the banner every page loads does not grow with them.
     */
    static final int MAX_CMP_API_GZIP = 6 * 1024;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsentDecisions decisions;

    static int gzipSize(String resource) throws IOException {
        var bytes = new ClassPathResource(resource).getContentAsByteArray();
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    static String visitor() {
        return "v-" + UUID.randomUUID();
    }

    @Test
    void keepsTheBannerWithinItsGzipBudgets() throws Exception {
        assertThat(gzipSize("static/consent/banner.js")).isLessThanOrEqualTo(MAX_JS_GZIP);
        assertThat(gzipSize("static/consent/banner.css")).isLessThanOrEqualTo(MAX_CSS_GZIP);
        assertThat(gzipSize("static/consent/cmpapi.js")).isLessThanOrEqualTo(MAX_CMP_API_GZIP);
    }

    /** Officer's walk: a straight apostrophe and a space before a colon in French, "improvement : …" in English. */
    @Test
    void writesEachLanguagesTypography() throws Exception {
        var js = new String(
                new org.springframework.core.io.ClassPathResource("static/consent/banner.js")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var texts = java.util.regex.Pattern.compile("\"[^\"]*\"")
                .matcher(js)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
        assertThat(texts).noneMatch(text -> text.contains(" :") || text.contains("'"));
        assertThat(js)
                .contains("changer d’avis")
                .contains("Control : le marketing")
                .contains("colon: \"\\u202f: \"")
                .contains("colon: \": \"");
    }

    @Test
    void servesTheBannerWithoutSigningIn() throws Exception {
        mvc.perform(get("/consent/banner.js")).andExpect(status().isOk());
        mvc.perform(get("/consent/banner.css")).andExpect(status().isOk());
        mvc.perform(get("/consent/cmpapi.js")).andExpect(status().isOk());
    }

    @Test
    void servesGpcJson() throws Exception {
        mvc.perform(get("/.well-known/gpc.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpc").value(true))
                .andExpect(jsonPath("$.lastUpdate").isString());
    }

    @Test
    void storesTheChoiceUnderTheVisitorIdAndReturnsIt() throws Exception {
        var visitor = visitor();
        mvc.perform(get("/consent/choices/" + visitor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statistics").doesNotExist());
        choose(visitor, "{\"preferences\": false, \"statistics\": true, \"marketing\": true}", null)
                .andExpect(status().isNoContent());
        mvc.perform(get("/consent/choices/" + visitor))
                .andExpect(jsonPath("$.preferences").value(false))
                .andExpect(jsonPath("$.statistics").value(true))
                .andExpect(jsonPath("$.marketing").value(true));
    }

    @Test
    void refusesMarketingWhenTheSecGpcHeaderIsSentAndRecordsThatGpcApplied() throws Exception {
        var visitor = visitor();
        choose(visitor, "{\"statistics\": true, \"marketing\": true}", "1").andExpect(status().isNoContent());
        mvc.perform(get("/consent/choices/" + visitor))
                .andExpect(jsonPath("$.statistics").value(true))
                .andExpect(jsonPath("$.marketing").value(false));
        var refusal = decisions.decide("visitor:" + visitor, "cookie-marketing");
        assertThat(refusal.reason()).isEqualTo("refused");
        boolean gpc = jdbc.sql("SELECT gpc FROM consent_record WHERE id = ?")
                .param(refusal.recordId())
                .query(Boolean.class)
                .single();
        assertThat(gpc).isTrue();
    }

    @Test
    void rejectsAMalformedVisitorOrChoiceNamingTheField() throws Exception {
        choose("short", "{\"statistics\": true}", null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("visitor"));
        choose(visitor(), "{\"tracking\": true}", null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("choices"));
        mvc.perform(get("/consent/choices/short")).andExpect(problem(400, "validation"));
    }

    @Test
    void letsTheBannerPostFromTheOrganizationsOwnSite() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options("/consent/choices")
                        .header("Origin", "https://www.example.test")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void refusesOtherMethodsOnThePublicEndpoints() throws Exception {
        mvc.perform(post("/.well-known/gpc.json")).andExpect(status().is4xxClientError());
        mvc.perform(get("/consent/choices")).andExpect(status().is4xxClientError());
    }

    org.springframework.test.web.servlet.ResultActions choose(String visitor, String choices, String secGpc)
            throws Exception {
        var request = post("/consent/choices")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"visitor\": \"%s\", \"choices\": %s, \"language\": \"fr\"}".formatted(visitor, choices));
        if (secGpc != null) {
            request.header("Sec-GPC", secGpc);
        }
        return mvc.perform(request);
    }
}
