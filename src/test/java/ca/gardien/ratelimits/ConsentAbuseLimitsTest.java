package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Issue 11, finding L4: anonymous consent writes are limited per client address, with the shipped defaults. */
class ConsentAbuseLimitsTest extends AbuseLimitsTestSupport {

    @Test
    void anonymousConsentWritesAreLimitedPerAddressUntilTheWindowEnds() throws Exception {
        clock.startAt("2026-12-06T10:00:01Z");
        var address = "203.0.113.40";
        for (int i = 0; i < 60; i++) {
            banner(address).andExpect(status().is(Matchers.not(429)));
        }
        banner(address)
                .andExpect(problem(429, "rate-limited"))
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-5]?\\d|60")));
        banner("203.0.113.41").andExpect(status().is(Matchers.not(429)));
        assertThat(awaitLedgerEntry("ratelimits.limit-reached", "consent.banner-per-address")
                        .toString())
                .doesNotContain(address);

        clock.advance(Duration.ofMinutes(1));
        banner(address).andExpect(status().is(Matchers.not(429)));

        var links = "203.0.113.42";
        for (int i = 0; i < 120; i++) {
            mvc.perform(from(links, post("/consent/unsubscribe/not-a-token")).param("List-Unsubscribe", "One-Click"))
                    .andExpect(status().isNotFound());
        }
        assertThat(mvc.perform(from(links, post("/consent/preferences/not-a-token"))
                                .param("purpose", "newsletter")
                                .param("choice", "withdraw"))
                        .andExpect(status().isTooManyRequests())
                        .andExpect(header().exists("Retry-After"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"rate-limited\"");
        mvc.perform(from(links, post("/consent/unsubscribe/not-a-token")).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isTooManyRequests());
    }

    private ResultActions banner(String address) throws Exception {
        return mvc.perform(from(address, post("/consent/choices"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"visitor\": \"v-" + UUID.randomUUID() + "\", \"choices\": {\"statistics\": true}}"));
    }
}
