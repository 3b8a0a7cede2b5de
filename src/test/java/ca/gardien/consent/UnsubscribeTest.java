package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

class UnsubscribeTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentDecisions decisions;

    String staff;
    String email;

    @BeforeEach
    void subscribed() throws Exception {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        staff = bearer(Role.STAFF);
        email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ConsentMap.grantNewsletter(mvc, staff, email);
    }

    String link() throws Exception {
        var body = mvc.perform(get("/api/v1/consent/unsubscribe-link")
                        .header("Authorization", staff)
                        .param("subject", "email:" + email)
                        .param("purpose", "newsletter"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.listUnsubscribePost").value("List-Unsubscribe=One-Click"))
                .andExpect(jsonPath("$.url").value(not(containsString(email))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String url = JsonPath.read(body, "$.url");
        assertThat((String) JsonPath.read(body, "$.listUnsubscribe")).isEqualTo("<" + url + ">");
        return url.substring(url.indexOf("/consent/unsubscribe/"));
    }

    @Test
    void oneClickPostWithdrawsAtOnceWithoutAnAccountAndRecordsIt() throws Exception {
        var path = link();
        assertThat(decisions.decide("email:" + email, "newsletter").allowed()).isTrue();
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        var decision = decisions.decide("email:" + email, "newsletter");
        assertThat(decision.reason()).isEqualTo("withdrawn");
        var entry = awaitLedgerEntry("consent.recorded", decision.recordId());
        assertThat(actorKind(entry)).isEqualTo("SUBJECT");
        assertThat(entry.toString()).contains("WITHDRAWN").contains("EMAIL").doesNotContain(email);
    }

    @Test
    void getOnlyShowsAConfirmationPageInFrenchByDefaultAndInEnglish() throws Exception {
        var path = link();
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Me désabonner")))
                .andExpect(content().string(containsString("Infolettre")))
                .andExpect(content().string(containsString("name=\"List-Unsubscribe\" value=\"One-Click\"")));
        mvc.perform(get(path).param("lang", "en"))
                .andExpect(content().string(containsString("Unsubscribe")))
                .andExpect(content().string(containsString("Newsletter")));
        assertThat(decisions.decide("email:" + email, "newsletter").allowed()).isTrue();
    }

    @Test
    void rejectsATamperedOrMalformedLink() throws Exception {
        var path = link();
        var otherPurpose = path.replace(".newsletter.", ".service.");
        mvc.perform(post(otherPurpose).param("List-Unsubscribe", "One-Click")).andExpect(status().isNotFound());
        mvc.perform(get(path.substring(0, path.length() - 2) + "xx")).andExpect(status().isNotFound());
        mvc.perform(get("/consent/unsubscribe/not-a-token")).andExpect(status().isNotFound());
        assertThat(decisions.decide("email:" + email, "newsletter").allowed()).isTrue();
    }

    @Test
    void rejectsAPostWithoutTheOneClickParameter() throws Exception {
        mvc.perform(post(link()).param("List-Unsubscribe", "Maybe")).andExpect(status().isBadRequest());
        assertThat(decisions.decide("email:" + email, "newsletter").allowed()).isTrue();
    }

    @Test
    void rejectsALinkRequestForABadSubjectOrAnUnknownOne() throws Exception {
        mvc.perform(get("/api/v1/consent/unsubscribe-link")
                        .header("Authorization", staff)
                        .param("subject", "nobody")
                        .param("purpose", "newsletter"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        mvc.perform(get("/api/v1/consent/unsubscribe-link")
                        .header("Authorization", staff)
                        .param("subject", "email:unknown-" + UUID.randomUUID() + "@example.test")
                        .param("purpose", "newsletter"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void refusesLinksToAnAuditorAndToAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/consent/unsubscribe-link")
                        .header("Authorization", bearer(Role.AUDITOR))
                        .param("subject", "email:" + email)
                        .param("purpose", "newsletter"))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/consent/unsubscribe-link")
                        .param("subject", "email:" + email)
                        .param("purpose", "newsletter"))
                .andExpect(problem(401, "unauthenticated"));
    }
}
