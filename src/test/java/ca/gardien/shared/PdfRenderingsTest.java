package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * A node renders a few PDFs at once (attacker's review: readers asking for a large register at once held every
 * processor for minutes); one more waits its turn a moment, then is answered 503 with when to try again.
 */
class PdfRenderingsTest extends ca.gardien.support.WebTestSupport {

    @AfterEach
    void asConfigured() {
        PdfDocuments.renderings(2, Duration.ofSeconds(10));
    }

    @Test
    void aPdfAskedForWhileTheNodeRendersAsManyAsItMayIsRefusedWith503AndRetryAfterInTheCallersLanguage()
            throws Exception {
        PdfDocuments.renderings(1, Duration.ofMillis(50));
        var officer = officerBearer();
        PdfDocuments.renderings().acquire(); // another reader's register under way
        try {
            mvc.perform(get("/api/v1/incidents/register.pdf")
                            .header(HttpHeaders.AUTHORIZATION, officer)
                            .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(problem(503, "unavailable"))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("PDF documents")));
        } finally {
            PdfDocuments.renderings().release();
        }
        mvc.perform(get("/api/v1/incidents/register.pdf").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk());
        assertThat(PdfDocuments.renderings().availablePermits())
                .as("every turn given back")
                .isEqualTo(1);
    }
}
