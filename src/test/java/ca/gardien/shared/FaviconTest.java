package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;

/** Every page's browser asks for /favicon.ico: Gardien answers with its icon, to anyone (was a 404 on every page). */
class FaviconTest extends WebTestSupport {

    @Test
    void theIconIsServedToAnyone() throws Exception {
        var icon = mvc.perform(get("/favicon.ico"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(icon.getContentType()).contains("icon");
        assertThat(icon.getContentAsByteArray()).startsWith(0, 0, 1, 0); // an ICO file's header
    }
}
