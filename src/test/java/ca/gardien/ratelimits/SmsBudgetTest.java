package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Attacker's review (SMS pumping): the per-identifier limits and the refusal of premium-rate numbers left the total of
 * texts unbounded, so an attacker rotating through many ordinary numbers could still run up the bill. The codes the
 * organization sends by text count against one budget per period (here two an hour); beyond it a request is recorded
 * as any other and only its code is held back, which the public caller cannot tell.
 */
@TestPropertySource(properties = "gardien.requests.limits.sms-budget=2/1h")
class SmsBudgetTest extends AbuseLimitsTestSupport {

    @Test
    void beyondTheOrganizationsSmsBudgetCodesAreHeldBackUntilTheNextPeriod() throws Exception {
        clock.startAt("2026-12-15T10:00:01Z");
        var first = request("192.0.2.31", "514 555 0131");
        var second = request("192.0.2.32", "514 555 0132");
        assertThat(texts(first) + texts(second)).isEqualTo(2);

        // a third number: the same answer (its code page), the request recorded, its code held back
        var third = request("192.0.2.33", "514 555 0133");
        assertThat(texts(third)).isZero();
        assertThat(awaitLedgerEntry("requests.code-withheld", third).toString())
                .contains("requests.sms-budget")
                .doesNotContain("5145550133");
        // asking again on its page answers as when a code goes out, and sends none
        mvc.perform(from("192.0.2.33", post("/privacy/requests/" + third + "/code/resend"))
                        .with(csrf())
                        .param("kind", "PHONE"))
                .andExpect(status().is3xxRedirection());
        assertThat(texts(third)).isZero();
        // emails are not texts: a code by email still goes out
        var byEmail = email("sms-budget");
        form("192.0.2.35", byEmail).andExpect(status().is3xxRedirection());
        assertThat(messagesTo(byEmail)).isEqualTo(2);

        // the budget reached is evidence without any number, and the metric operators alert on counts it
        assertThat(awaitLedgerEntry("ratelimits.limit-reached", "requests.sms-budget")
                        .toString())
                .contains("3600")
                .doesNotContain("5145550133");
        assertThat(mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(Role.AUDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .containsPattern("gardien_rate_limits_refused_total\\{limit=\"requests.sms-budget\"} [1-9]");
        // the person in charge reads why in the request's timeline
        assertThat(mvc.perform(get("/console/requests/" + third).session(login(OFFICER, OFFICER_PASSWORD)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("le budget de textos de l’organisation pour la période est épuisé");

        // the next period: texts go out again
        clock.advance(Duration.ofHours(1));
        var fourth = request("192.0.2.34", "514 555 0134");
        assertThat(texts(fourth)).isOne();
    }

    private UUID request(String address, String phone) throws Exception {
        var page = mvc.perform(from(address, post("/privacy/requests"))
                        .with(csrf())
                        .param("type", "ACCESS")
                        .param("phone", phone)
                        .param("details", "Synthetic details"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(page.split("/")[3]);
    }

    private int texts(UUID request) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE related_id = ? AND template = 'requests.code-sms'")
                .param(request.toString())
                .query(Integer.class)
                .single();
    }
}
