package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Browser protections on every page and API response. */
class SecurityHeadersTest extends WebTestSupport {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static String directive(String csp, String name) {
        return Arrays.stream(csp.split(";"))
                .map(String::trim)
                .filter(d -> d.startsWith(name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + csp));
    }

    private static void assertPageProtections(MockHttpServletResponse response) throws Exception {
        var csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).isNotNull();
        assertThat(directive(csp, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(csp, "object-src")).isEqualTo("object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-eval");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
        assertThat(response.getHeader("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isNull();

        var html = response.getContentAsString();
        assertThat(INLINE_SCRIPT.matcher(html).find())
                .as("inline <script> in the page")
                .isFalse();
        assertThat(EVENT_HANDLER.matcher(html).find())
                .as("inline event handler in the page")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/privacy/contact", "/login"})
    void publicPagesCarryTheBrowserProtectionsAndNoInlineScript(String path) throws Exception {
        assertPageProtections(fetch(get(path)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/console",
                "/console/accounts",
                "/console/tokens",
                "/console/organization",
                "/console/ledger",
                "/console/password"
            })
    void consolePagesCarryTheBrowserProtectionsAndNoInlineScript(String path) throws Exception {
        assertPageProtections(fetch(get(path).session(login(OFFICER, OFFICER_PASSWORD))));
    }

    @Test
    void pagesServedOverTlsAskForHsts() throws Exception {
        mvc.perform(get("/").secure(true))
                .andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", startsWith("max-age=")));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("includeSubDomains")));
    }

    @Test
    void apiResponsesForbidEverythingABrowserCouldDoWithThem() throws Exception {
        var response = fetch(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, officerBearer()));

        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void apiResponsesOverTlsAskForHsts() throws Exception {
        mvc.perform(get("/api/v1/accounts").secure(true).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", startsWith("max-age=")));
        mvc.perform(get("/api/v1/accounts").secure(true))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Strict-Transport-Security", startsWith("max-age=")));
    }

    @Test
    void refusalsOfTheApiCarryTheProtectionsToo() throws Exception {
        var response = mvc.perform(get("/api/v1/accounts")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void swaggerUiMayUseInlineStylesButNoInlineScript() throws Exception {
        var response = fetch(get("/swagger-ui/index.html"));
        var csp = response.getHeader("Content-Security-Policy");

        assertThat(directive(csp, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(csp, "style-src")).isEqualTo("style-src 'self' 'unsafe-inline'");
        assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(INLINE_SCRIPT.matcher(response.getContentAsString()).find()).isFalse();
    }
}
