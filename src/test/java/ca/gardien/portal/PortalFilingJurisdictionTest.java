package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestViews;
import ca.gardien.requests.Requests;
import ca.gardien.support.MovableClock;
import ca.gardien.support.MovableClocks;
import ca.gardien.support.WebTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An organization that answers under another profile than Québec's (gardien.requests.primary-jurisdiction): the public
 * form files under it and offers what it allows, and the queue counts its days in that profile's time zone.
 */
@TestPropertySource(properties = "gardien.requests.primary-jurisdiction=GDPR")
@Import(MovableClocks.class)
class PortalFilingJurisdictionTest extends WebTestSupport {

    @Autowired
    Requests requests;

    @Autowired
    RequestViews views;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePublicFormFilesUnderThePrimaryProfileAndOffersTheErasureItAllows() throws Exception {
        var form = mvc.perform(get("/privacy/requests/new"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"type-ERASURE\"");
        var location = mvc.perform(post("/privacy/requests")
                        .with(csrf())
                        .param("type", "ERASURE")
                        .param("email", "filing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
                        .param("language", "en"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var request = requests.get(UUID.fromString(location.split("/")[3]));
        assertThat(request.jurisdiction()).isEqualTo("GDPR");
        assertThat(request.type()).isEqualTo(RequestType.ERASURE);
    }

    @Test
    void theQueueCountsItsDaysFromTheDayInThePrimaryProfilesZone() {
        clock.setDay("2026-12-07");
        clock.advance(Duration.ofHours(7)); // 23:00 UTC: already the 8th in Brussels, still the 7th in Québec
        assertThat(views.today()).isEqualTo(LocalDate.parse("2026-12-08"));
    }
}
