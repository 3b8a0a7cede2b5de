package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.WebProperties;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attacker's review: the OpenAPI document's server was built from the request's Host header. */
class ApiDocumentationServerTest extends WebTestSupport {

    @Autowired
    WebProperties web;

    @Test
    void theDocumentsServerIsTheConfiguredAddressWhateverTheHostHeaderSays() throws Exception {
        var json = mvc.perform(get("/v3/api-docs").header("Host", "evil.example"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> servers = JsonPath.read(json, "$.servers[*].url");
        assertThat(servers).containsExactly(web.baseUrl());
        assertThat(json).doesNotContain("evil.example");
    }

    @Test
    void swaggerUisRedirectIsAtTheConfiguredAddressWhateverTheHostHeaderSays() throws Exception {
        var json = mvc.perform(get("/v3/api-docs/swagger-config").header("Host", "evil.example"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String redirect = JsonPath.read(json, "$.oauth2RedirectUrl");
        assertThat(redirect).isEqualTo(web.link("/swagger-ui/oauth2-redirect.html"));
        assertThat(json).doesNotContain("evil.example");
    }
}
