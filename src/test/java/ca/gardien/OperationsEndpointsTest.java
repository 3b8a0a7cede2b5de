package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;

/** Health and the API description are open to operators and tools; metrics need an API token. */
class OperationsEndpointsTest extends WebTestSupport {

    @Test
    void reportsHealthUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void servesPrometheusMetricsOnlyToATokenHolder() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void hidesTheOtherActuatorEndpoints() throws Exception {
        for (var path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/loggers"}) {
            var status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(302, 401, 403, 404);
        }
    }

    @Test
    void describesTheApiInOpenApi31() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/tokens'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organization'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/ledger/entries'].get").exists());
    }

    @Test
    void servesSwaggerUi() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger-ui")));
    }
}
