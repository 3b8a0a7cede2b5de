package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Security review of 2026-12-07, finding 1: an anonymous visitor spent a person's per-identifier quotas (three public
 * requests, then new codes on them), after which no request for that email could be recorded by any channel until
 * midnight. Recording a request starts its legal time: every channel records it, and only messages are held back.
 */
class SpentQuotasStopNoRequestTest extends AbuseLimitsTestSupport {

    @Test
    void spendingAPersonsQuotasAnonymouslyStopsNoChannelFromRecordingTheirRequests() throws Exception {
        clock.startAt("2026-12-11T10:00:01Z");
        var victim = email("target");
        // the attack: three public requests for the person's email, then new codes on them until the day's are spent
        var pages = new ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            pages.add(form("192.0.2." + i, victim)
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
        }
        for (var page : pages) {
            resend(page, "192.0.2.10").andExpect(status().is3xxRedirection());
            resend(page, "192.0.2.10").andExpect(status().is3xxRedirection());
        }
        clock.advance(Duration.ofMinutes(61));
        resend(pages.getFirst(), "192.0.2.11").andExpect(status().is3xxRedirection());
        resend(pages.getLast(), "192.0.2.11").andExpect(status().isTooManyRequests()); // the public quota is spent
        assertThat(codesTo(victim)).isEqualTo(10);

        // the person's own post: the same answer as any, the request recorded, its acknowledgement and code held back
        var own = form("198.51.100.50", victim)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(own).matches("/privacy/requests/[0-9a-f-]{36}/code").isNotIn(pages);
        var ownId = UUID.fromString(own.split("/")[3]);
        mvc.perform(get(own)).andExpect(status().isOk());
        var staff = bearer(Role.STAFF);
        mvc.perform(get("/api/v1/requests/" + ownId).header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        assertThat(awaitLedgerEntry("requests.code-withheld", ownId).toString())
                .contains("requests.form-per-identifier")
                .doesNotContain(victim);
        assertThat(awaitLedgerEntry("requests.acknowledgement-withheld", ownId).toString())
                .doesNotContain(victim);
        assertThat(messagesTo(victim)).isEqualTo(13); // three acknowledgements and ten codes, none more
        // a guess at the held-back code is answered as at any code: nothing tells that one was held back
        mvc.perform(post("/requests/" + ownId + "/verify")
                        .contentType("application/json")
                        .header("Accept-Language", "en")
                        .content("{\"kind\":\"EMAIL\",\"code\":\"000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The code is not valid."));

        // staff through the API, an officer entering a paper letter, a controller through OpenCompliance: recorded,
        // each with its code (anonymous calls cannot spend the quota of authenticated ones)
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/requests")
                            .header("Authorization", staff)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(apiRequest(victim)))
                    .andExpect(status().isCreated());
        }
        var letter = new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "MAIL"}""".formatted(victim)
                .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/requests/officer-entry")
                        .file(letter)
                        .header("Authorization", bearer(Role.PRIVACY_OFFICER)))
                .andExpect(status().isCreated());
        openCompliance(staff, victim).andExpect(status().isCreated());
        assertThat(codesTo(victim)).isEqualTo(14);
    }

    @Test
    void beyondTheStaffQuotaOfCodesARequestIsRecordedAndOnlyItsCodeIsHeldBack() throws Exception {
        clock.startAt("2026-12-12T10:00:01Z");
        var staff = bearer(Role.STAFF);
        var person = email("staff-codes");
        for (int i = 0; i < 10; i++) {
            openCompliance(staff, person).andExpect(status().isCreated());
        }
        var body = mvc.perform(post("/api/v1/requests")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(apiRequest(person)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var eleventh = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(codesTo(person)).isEqualTo(10);
        assertThat(messagesTo(person)).isEqualTo(21); // the eleventh is acknowledged, only its code is held back
        assertThat(awaitLedgerEntry("requests.code-withheld", eleventh).toString())
                .contains("requests.staff-codes-per-identifier")
                .doesNotContain(person);
        // staff asking again for that code are told why, and check the person by another channel
        mvc.perform(post("/api/v1/requests/" + eleventh + "/identifiers/EMAIL/code")
                        .header("Authorization", staff))
                .andExpect(problem(429, "rate-limited"));
    }

    /**
     * Attacker's second pass (2026-12-07): an officer entering a call with a premium-rate number sent it a code, and
     * anyone could then ask for more. Such a number gets none: held back at intake, refused on asking again.
     */
    @Test
    void aPremiumRateNumberAnOfficerEnteredGetsNoCode() throws Exception {
        clock.startAt("2026-12-13T10:00:01Z");
        var call = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"phone": "+1 900 234 5678"}, "jurisdiction": "QC", "channel": "PHONE"}""".getBytes(StandardCharsets.UTF_8));
        var body = mvc.perform(multipart("/api/v1/requests/officer-entry")
                        .file(call)
                        .header("Authorization", bearer(Role.PRIVACY_OFFICER)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(awaitLedgerEntry("requests.code-withheld", id).toString()).contains("requests.phone-not-textable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE related_id = ?")
                        .param(id.toString())
                        .query(Integer.class)
                        .single())
                .as("no text message")
                .isZero();
        mvc.perform(post("/requests/" + id + "/code")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PHONE\"}"))
                .andExpect(status().is4xxClientError());
    }

    private ResultActions resend(String page, String address) throws Exception {
        return mvc.perform(from(address, post(page + "/resend")).with(csrf()).param("kind", "EMAIL"));
    }

    private ResultActions openCompliance(String token, String person) throws Exception {
        var body = """
                {"subject_request_id": "%s", "subject_request_type": "access",
                 "submitted_time": "2026-12-07T10:00:00Z",
                 "subject_identities": [{"identity_type": "email", "identity_value": "%s", "identity_format": "raw"}],
                 "api_version": "1.0"}""".formatted(UUID.randomUUID(), person);
        return mvc.perform(post("/opencompliance/v1/opencompliance_requests")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String apiRequest(String email) {
        return "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"" + email + "\"}, \"jurisdiction\": \"QC\","
                + " \"channel\": \"API\"}";
    }

    private int codesTo(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE recipient_digest = ? AND template = 'requests.code'")
                .param(recipientDigest(recipient))
                .query(Integer.class)
                .single();
    }
}
