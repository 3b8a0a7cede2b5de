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
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

class PreferencePageTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    PreferenceLinks links;

    @Autowired
    JdbcClient jdbc;

    String staff;
    String email;

    @BeforeEach
    void subscribed() throws Exception {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        staff = bearer(Role.STAFF);
        email = "prefs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ConsentMap.grantNewsletter(mvc, staff, email);
    }

    ResultActions requestLink(String bearer, String subject) throws Exception {
        return mvc.perform(post("/api/v1/consent/preference-links")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\": \"%s\"}".formatted(subject)));
    }

    /** The path of a freshly issued link. */
    String link() throws Exception {
        var body = requestLink(staff, "email:" + email)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(not(containsString(email))))
                .andExpect(jsonPath("$.expiresAt").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return URI.create(JsonPath.read(body, "$.url")).getPath();
    }

    @Test
    void showsThePersonsPurposesWithTheirStateInFrenchAndEnglish() throws Exception {
        var path = link();
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vos préférences")))
                .andExpect(content().string(containsString("data-purpose=\"newsletter\"")))
                .andExpect(content().string(containsString("Consentement donné")))
                .andExpect(content().string(containsString("data-purpose=\"service\"")))
                .andExpect(content().string(not(containsString("data-purpose=\"statistics\""))));
        mvc.perform(get(path).param("lang", "en"))
                .andExpect(content().string(containsString("Your preferences")))
                .andExpect(content().string(containsString("I withdraw my consent")));
    }

    @Test
    void aWithdrawalOnThePageDeniesAtOnceAndIsRecordedAsAWebFormChoice() throws Exception {
        var path = link();
        assertThat(decisions.decide("email:" + email, "newsletter").decision()).isEqualTo("ALLOW");
        mvc.perform(post(path).param("purpose", "newsletter").param("choice", "withdraw"))
                .andExpect(status().is3xxRedirection());
        var decision = decisions.decide("email:" + email, "newsletter");
        assertThat(decision.decision()).isEqualTo("DENY");
        assertThat(decision.reason()).isEqualTo("withdrawn");
        var row = jdbc.sql("SELECT channel, form_id, actor_kind FROM consent_record WHERE id = ?")
                .param(decision.recordId())
                .query()
                .singleRow();
        assertThat(row).containsEntry("CHANNEL", "WEB_FORM").containsEntry("ACTOR_KIND", "SUBJECT");
        mvc.perform(get(path).param("saved", "")).andExpect(content().string(containsString("Retiré")));
        awaitLedgerEntry("consent.recorded", decision.recordId().toString());
    }

    @Test
    void aGrantOnThePageIsExpressConsentByThePerson() throws Exception {
        var path = link();
        mvc.perform(post(path).param("purpose", "service").param("choice", "grant"))
                .andExpect(status().is3xxRedirection());
        var decision = decisions.decide("email:" + email, "service");
        assertThat(decision.decision()).isEqualTo("ALLOW");
        String kind = jdbc.sql("SELECT kind FROM consent_record WHERE id = ?")
                .param(decision.recordId())
                .query(String.class)
                .single();
        assertThat(kind).isEqualTo("EXPRESS");
    }

    @Test
    void aTamperedLinkGets404WithoutDetail() throws Exception {
        var path = link();
        var tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");
        mvc.perform(get(tampered))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("data-purpose"))));
        var longer = path.replaceFirst("\\.(\\d+)\\.", ".9$1.");
        mvc.perform(get(longer)).andExpect(status().isNotFound());
        mvc.perform(post(tampered).param("purpose", "newsletter").param("choice", "withdraw"))
                .andExpect(status().isNotFound());
        assertThat(decisions.decide("email:" + email, "newsletter").decision()).isEqualTo("ALLOW");
        mvc.perform(get(PreferenceLinks.PATH + "garbage")).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredLinkGets410AndChangesNothing() throws Exception {
        var path = link();
        var subject = ((PreferenceLinks.Valid)
                        links.verify(path.substring(PreferenceLinks.PATH.length()), Instant.now()))
                .subject();
        var expired = PreferenceLinks.PATH + links.token(subject, Instant.now().minusSeconds(1));
        mvc.perform(get(expired))
                .andExpect(status().isGone())
                .andExpect(content().string(not(containsString("data-purpose"))));
        mvc.perform(post(expired).param("purpose", "newsletter").param("choice", "withdraw"))
                .andExpect(status().isGone());
        assertThat(decisions.decide("email:" + email, "newsletter").decision()).isEqualTo("ALLOW");
    }

    @Test
    void rejectsAPurposeThePageDoesNotOfferOrAnUnknownChoice() throws Exception {
        var path = link();
        mvc.perform(post(path).param("purpose", "statistics").param("choice", "grant"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path).param("purpose", "newsletter").param("choice", "maybe"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theLinkApiRejectsBadOrUnknownSubjectsAndReadOnlyCallers() throws Exception {
        requestLink(staff, "nonsense")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        requestLink(staff, "email:nobody-" + UUID.randomUUID() + "@example.test")
                .andExpect(problem(404, "not-found"));
        requestLink(bearer(Role.AUDITOR), "email:" + email).andExpect(problem(403, "forbidden"));
    }
}
