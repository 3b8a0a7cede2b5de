package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Issue 11, finding M4 (and M3's endpoints): the public request form and code endpoints are limited per client address
 * and per identifier, with the shipped defaults.
 */
class PublicAbuseLimitsTest extends AbuseLimitsTestSupport {

    @Test
    void theRequestFormAnswers429FromTheSixthRequestOfOneAddressAndKeepsWhatWasTyped() throws Exception {
        clock.startAt("2026-12-01T10:00:01Z");
        var address = "203.0.113.10";
        for (int i = 0; i < 5; i++) {
            form(address, email("flood")).andExpect(status().is3xxRedirection());
        }
        var sixth = email("flood");
        var page = form(address, sixth)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")))
                .andReturn()
                .getResponse();
        assertThat(Long.parseLong(page.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(page.getContentAsString())
                .contains("id=\"rate-limited\"")
                .contains("Trop de demandes ont été faites depuis cette adresse")
                .contains("value=\"" + sixth + "\"")
                .contains("Synthetic details");
        assertThat(messagesTo(sixth)).isZero();
        // another address is not affected
        form("203.0.113.11", email("flood")).andExpect(status().is3xxRedirection());
        // in English on request
        assertThat(mvc.perform(from(address, post("/privacy/requests?lang=en"))
                                .with(csrf())
                                .param("type", "ACCESS")
                                .param("email", email("flood")))
                        .andExpect(status().isTooManyRequests())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Too many requests were made from this address. Try again later.");
    }

    @Test
    void oneEmailGetsMessagesForThreePublicRequestsADayAndFurtherOnesAreRecordedWithoutMessages() throws Exception {
        clock.startAt("2026-12-02T10:00:01Z");
        var victim = email("victim");
        for (int i = 1; i <= 3; i++) {
            form("198.51.100." + i, victim).andExpect(status().is3xxRedirection());
        }
        assertThat(messagesTo(victim)).isEqualTo(6); // an acknowledgement and a code per request
        for (int i = 4; i <= 8; i++) {
            // the same answer as for the first ones: it does not tell a visitor that the address was used today
            var page = form("198.51.100." + i, i % 2 == 0 ? victim.toUpperCase() : victim)
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().doesNotExist("Retry-After"))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            var id = UUID.fromString(page.split("/")[3]);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE id = ?")
                            .param(id)
                            .query(Integer.class)
                            .single())
                    .isOne();
            assertThat(awaitLedgerEntry("requests.code-withheld", id).toString())
                    .doesNotContain(victim);
        }
        assertThat(messagesTo(victim)).isEqualTo(6);
        // the limit reached is evidence, without the identifier
        var fact = awaitLedgerEntry("ratelimits.limit-reached", "requests.form-per-identifier");
        assertThat(fact.toString()).doesNotContain(victim).contains("86400");
    }

    @Test
    void codeSendsAndChecksFromOneAddressAnswerA429ProblemInFrenchOrEnglish() throws Exception {
        clock.startAt("2026-12-04T10:00:01Z");
        var send = "203.0.113.20";
        for (int i = 0; i < 10; i++) {
            mvc.perform(from(send, post("/requests/" + UUID.randomUUID() + "/code"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\": \"EMAIL\"}"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(from(send, post("/requests/" + UUID.randomUUID() + "/code"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMAIL\"}"))
                .andExpect(problem(429, "rate-limited"))
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")))
                .andExpect(jsonPath("$.title").value("Trop de demandes"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Trop de demandes depuis cette adresse")));

        var check = "203.0.113.21";
        for (int i = 0; i < 30; i++) {
            mvc.perform(from(check, post("/requests/" + UUID.randomUUID() + "/verify"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\": \"EMAIL\", \"code\": \"123456\"}"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(from(check, post("/requests/" + UUID.randomUUID() + "/verify"))
                        .header("Accept-Language", "en-CA,en;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMAIL\", \"code\": \"123456\"}"))
                .andExpect(problem(429, "rate-limited"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Try again in")));
    }

    @Test
    void theCodePageAnswers429OnceTheAddressTypedTooManyCodes() throws Exception {
        clock.startAt("2026-12-05T10:00:01Z");
        var location =
                form("203.0.113.30", email("page")).andReturn().getResponse().getRedirectedUrl();
        var address = "203.0.113.31";
        for (int i = 0; i < 30; i++) {
            mvc.perform(from(address, post(location))
                            .with(csrf())
                            .param("kind", "EMAIL")
                            .param("code", "1"))
                    .andExpect(status().is(Matchers.not(429)));
        }
        // sends are counted apart from checks (this one is refused for the identifier's own lock, not the address)
        mvc.perform(from(address, post(location + "/resend")).with(csrf()).param("kind", "EMAIL"))
                .andExpect(status().isBadRequest());
        assertThat(mvc.perform(from(address, post(location))
                                .with(csrf())
                                .param("kind", "EMAIL")
                                .param("code", "1"))
                        .andExpect(status().isTooManyRequests())
                        .andExpect(header().exists("Retry-After"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Trop d’essais depuis cette adresse");
    }
}
