package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * Seed §15: a version published with modifications sends a change notice, through the outbox, to every account that
 * must apply the policy and to each person who asked for one, in their language. Seed §14: each service provider of
 * the data map is held to the policy by a written commitment; without one, or when it lapsed, it is a gap, and one
 * ending soon is an alert.
 */
class ChangeNoticeAndProvidersTest extends GovernanceTestSupport {

    static final String SUBSCRIBERS = POLICIES + "/subscribers";

    @Autowired
    Outbox outbox;

    @Test
    void aNewVersionNotifiesTheStaffAndTheSubscribersInTheirLanguage() throws Exception {
        var email = unique("lecteur") + "@example.test";
        send(bearer(Role.STAFF), SUBSCRIBERS, "{\"email\":\"" + email + "\",\"language\":\"en\"}")
                .andExpect(problem(403, "forbidden"));
        send(officerBearer(), SUBSCRIBERS, "{\"email\":\"not-an-address\",\"language\":\"de\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("email", "language")));
        var added = send(bearer(Role.DELEGATE), SUBSCRIBERS, "{\"email\":\"" + email + "\",\"language\":\"en\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        send(officerBearer(), SUBSCRIBERS, "{\"email\":\"" + email.toUpperCase() + "\",\"language\":\"fr\"}")
                .andExpect(problem(409, "conflict"));
        var staff = person(Role.STAFF);
        var auditor = person(Role.AUDITOR);
        publishNext();
        int before = outbox.about(PolicySeed.PRIVACY_POLICY).size();
        int n = publishNext(); // a modification of the version published before

        var sent = outbox.about(PolicySeed.PRIVACY_POLICY);
        var notices = sent.stream()
                .filter(m -> m.template().equals("governance.policy-changed"))
                .filter(m -> m.subject().contains("(version " + n + ")"))
                .toList();
        assertThat(sent.size()).isGreaterThan(before);
        assertThat(notices)
                .filteredOn(m -> m.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.recipient()).isEqualTo(email);
                    assertThat(m.subject()).startsWith("\"Privacy");
                    assertThat(m.body()).contains("/privacy/policy?lang=en", "published with modifications");
                });
        assertThat(notices)
                .extracting(OutboxMessage::recipient)
                .contains("account:" + staff.id(), "account:" + officerId())
                .doesNotContain("account:" + auditor.id());
        var fact = awaitLedgerEntry(
                "governance.change-notice-queued",
                e -> String.valueOf(e.get("payload")).matches("(?s).*version\\W{1,4}" + n + "\\D.*"));
        assertThat(String.valueOf(fact.get("payload"))).doesNotContain(email);

        String id = JsonPath.read(added, "$.id");
        mvc.perform(delete(SUBSCRIBERS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(delete(SUBSCRIBERS + "/not-a-uuid").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(400, "validation"));
        mvc.perform(delete(SUBSCRIBERS + "/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isNoContent());
        awaitLedgerEntry("governance.subscriber-removed", PolicySeed.PRIVACY_POLICY);
    }

    @Test
    void aServiceProviderWithoutACurrentCommitmentToThePolicyIsAGapAndOneEndingSoonAnAlert() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/inventory/apply")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType("application/yaml")
                        .content(new org.springframework.core.io.ClassPathResource("demo/ingeno.yaml")
                                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        clock.setDay("2033-02-01");
        var providers = "/api/v1/governance/providers";
        mvc.perform(get(providers).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id=='payroll-provider')].standing").value("MISSING"))
                .andExpect(jsonPath("$[?(@.id=='payroll-provider')].name").value("Fournisseur de paie (synthétique)"));
        mvc.perform(get(providers)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$[?(@.id=='payroll-provider')].name").value("Payroll provider (synthetic)"));
        var gaps = "/api/v1/inventory/gaps";
        mvc.perform(get(gaps).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(
                        jsonPath("$[?(@.id=='provider-policy-commitment:providers:payroll-provider')].legalReference")
                                .value("P-39.1, s. 3.2"));

        var commit = providers + "/payroll-provider/commitments";
        send(bearer(Role.STAFF), commit, "{}").andExpect(problem(403, "forbidden"));
        send(officerBearer(), providers + "/no-such-provider/commitments", "{}").andExpect(problem(404, "not-found"));
        // signed tomorrow (the clock is on 2033-02-01): not a commitment yet (attacker review: it counted as current)
        send(officerBearer(), commit, """
                {"documentSha256":"%s","signedOn":"2033-02-02","measures":"Chiffrement"}""".formatted("b".repeat(64)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("signedOn")));
        send(officerBearer(), commit, """
                {"documentSha256":"xyz","signedOn":"2033-02-30","expiresOn":"2030-01-01","measures":""}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("documentSha256", "signedOn", "measures")));
        var recorded = send(officerBearer(), commit, """
                {"documentSha256":"%s","signedOn":"2033-01-15","expiresOn":"2033-03-15",
                 "measures":"Accès restreint, chiffrement, destruction en fin de contrat"}""".formatted("b".repeat(64)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get(gaps).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$[?(@.id=='provider-policy-commitment:providers:payroll-provider')]")
                        .isEmpty())
                .andExpect(jsonPath(
                                "$[?(@.id=='provider-policy-commitment-expiring:providers:payroll-provider')].severity")
                        .value("medium"));
        clock.setDay("2033-03-16");
        mvc.perform(get(providers).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$[?(@.id=='payroll-provider')].standing").value("LAPSED"));
        mvc.perform(get(gaps).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$[?(@.id=='provider-policy-commitment:providers:payroll-provider')].severity")
                        .value("high"));
        var fact = awaitLedgerEntry("governance.commitment-recorded", JsonPath.<String>read(recorded, "$.id"));
        assertThat(String.valueOf(fact.get("payload"))).contains("payroll-provider", "b".repeat(64));
    }
}
