package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The links Gardien hands out start with the configured public address ({@code gardien.web.base-url}), whatever Host
 * and forwarded headers the caller sends: a forged header cannot send a person to another site (attacker review).
 */
class HostHeaderLinksTest extends WebTestSupport {

    /** The suite's {@code gardien.web.base-url}: the shipped default. */
    static final String BASE = "http://localhost:8080/";

    @Autowired
    Inventory inventory;

    String officer;
    String email;

    @BeforeEach
    void subscribed() throws Exception {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        officer = bearer(Role.PRIVACY_OFFICER);
        email = "links-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ConsentMap.grantNewsletter(mvc, officer, email);
    }

    @Test
    void theUnsubscribeLinkIgnoresAForgedHost() throws Exception {
        var body = answer(forged(get("/api/v1/consent/unsubscribe-link")
                .param("subject", "email:" + email)
                .param("purpose", "newsletter")));
        assertThat((String) JsonPath.read(body, "$.url")).startsWith(BASE + "consent/unsubscribe/");
        assertThat((String) JsonPath.read(body, "$.listUnsubscribe")).startsWith("<" + BASE);
        assertThat(body).doesNotContain("evil.example").doesNotContain("proxy.example");
    }

    @Test
    void thePreferenceLinkIgnoresAForgedHost() throws Exception {
        var body = mvc.perform(forged(post("/api/v1/consent/preference-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"email:%s\"}".formatted(email))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(body, "$.url")).startsWith(BASE + "consent/preferences/");
        assertThat(body).doesNotContain("evil.example").doesNotContain("proxy.example");
    }

    @Test
    void theReceiptLinkIgnoresAForgedHost() throws Exception {
        var record = mvc.perform(post("/api/v1/consents")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": {"email": "%s"}, "purpose": "service", "state": "GRANTED",
                                 "kind": "EXPRESS", "channel": "WEB_FORM"}""".formatted(email)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(record, "$.id");
        var body = answer(forged(get("/api/v1/consents/" + id + "/receipt")));
        assertThat(body).contains(BASE + "consent/receipts/").doesNotContain("evil.example");
        assertThat(body).doesNotContain("proxy.example");
    }

    private MockHttpServletRequestBuilder forged(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", officer)
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "proxy.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=proxy.example;proto=https");
    }

    private String answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
