package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** A written delegation ends when the person in charge says so (officer's review: a delegation could not end). */
class DelegationEndTest extends GovernanceTestSupport {

    private static final String API = "/api/v1/governance/person-in-charge/delegations";

    @org.springframework.beans.factory.annotation.Autowired
    OfficerRecords officerRecords;

    private String delegation(String endsOn) throws Exception {
        return delegation("2026-02-01", endsOn);
    }

    private String delegation(String startsOn, String endsOn) throws Exception {
        var ends = endsOn == null ? "" : ",\"endsOn\":\"" + endsOn + "\"";
        var body = send(officerBearer(), API, """
                        {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"WHOLE",
                         "startsOn":"%s"%s,"documentSha256":"%s"}""".formatted(startsOn, ends, "b".repeat(64)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void thePersonInChargeBringsADelegationsEndForwardAndTheLedgerKeepsTheEndItHad() throws Exception {
        clock.setDay("2026-06-15");
        var id = delegation("2026-12-31");

        send(officerBearer(), API + "/" + id + "/end", "{\"endsOn\":\"2026-06-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endsOn").value("2026-06-10"));

        var fact = awaitLedgerEntry("governance.delegation-ended", id);
        assertThat(String.valueOf(fact.get("payload")))
                .contains("2026-06-10")
                .contains("previousEndsOn")
                .contains("2026-12-31")
                .doesNotContain("Dana");
        var now = mvc.perform(get("/api/v1/governance/person-in-charge")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(now, "$.records[?(@.id=='" + id + "')].endsOn"))
                .containsExactly("2026-06-10");
    }

    @Test
    void anEndIsOnlySoonerNeverBeforeTheStartAndOnlyThePersonInChargeRecordsIt() throws Exception {
        var id = delegation("2026-12-31");
        var end = API + "/" + id + "/end";

        send(officerBearer(), end, "{\"endsOn\":\"2027-01-15\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2026-12-31")));
        send(officerBearer(), end, "{\"endsOn\":\"2026-01-31\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        send(officerBearer(), end, "{}").andExpect(problem(400, "validation"));
        send(officerBearer(), end, "{\"endsOn\":\"demain\"}").andExpect(problem(400, "validation"));
        send(officerBearer(), end, "{\"endsOn\":20260601}").andExpect(problem(400, "malformed-request"));
        send(officerBearer(), API + "/not-an-id/end", "{\"endsOn\":\"2026-06-01\"}")
                .andExpect(problem(400, "validation"));
        send(officerBearer(), API + "/" + java.util.UUID.randomUUID() + "/end", "{\"endsOn\":\"2026-06-01\"}")
                .andExpect(problem(404, "not-found"));
        for (var role : new Role[] {Role.DELEGATE, Role.STAFF, Role.AUDITOR}) {
            send(bearer(role), end, "{\"endsOn\":\"2026-06-01\"}").andExpect(problem(403, "forbidden"));
        }
        send(officerBearer(), end, "{\"endsOn\":\"2026-12-31\"}") // the end it has already: nothing sooner
                .andExpect(problem(400, "validation"));
    }

    @Test
    void theConsoleOffersTheEndOnACurrentDelegationAndSaysItWasRecorded() throws Exception {
        clock.setDay("2026-06-15");
        var id = delegation(null);
        var officer = as(Role.PRIVACY_OFFICER);
        var page = consolePage(OfficerPages.PAGE, officer);
        var later = delegation("2026-07-01", null); // starts after today: its end is offered from its start
        page = consolePage(OfficerPages.PAGE, officer);
        assertThat(page)
                .contains("/console/governance/person-in-charge/delegations/" + id + "/end")
                .contains("id=\"end-" + id
                        + "\" name=\"endsOn\" type=\"date\" required aria-required=\"true\" value=\"2026-06-15\"")
                .contains("id=\"end-" + later
                        + "\" name=\"endsOn\" type=\"date\" required aria-required=\"true\" value=\"2026-07-01\"");
        var designated = officerRecords.all().stream().anyMatch(r -> r.kind() == OfficerRecord.Kind.SUBSTITUTE);
        assertThat(page.contains("id=\"no-substitute\"")).isEqualTo(!designated); // an absence says who cannot act

        mvc.perform(post(OfficerPages.PAGE + "/delegations/" + id + "/end")
                        .session(officer)
                        .with(csrf())
                        .param("endsOn", "2026-06-14"))
                .andExpect(redirectedUrl(OfficerPages.PAGE))
                .andExpect(flash().attribute("done", "delegation-ended"));
        var after = consolePage(OfficerPages.PAGE, officer);
        assertThat(after)
                .contains("La fin de la délégation est consignée au registre de preuves.")
                .doesNotContain("/delegations/" + id + "/end"); // ended yesterday: nothing left to end

        // refused, the end's day is named as the end form labels it, not as the record form's "Jusqu'au"
        mvc.perform(post(OfficerPages.PAGE + "/delegations/" + id + "/end")
                        .session(officer)
                        .with(csrf())
                        .param("endsOn", "2026-06-14"))
                .andExpect(flash().attribute(
                                "refused",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.startsWith("Fin le\u202f: La délégation finit déjà"),
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Jusqu")))));
        mvc.perform(get(OfficerPages.PAGE).session(officer)); // the flash read, as the browser would

        mvc.perform(post(OfficerPages.PAGE + "/delegations/" + id + "/end")
                        .session(as(Role.DELEGATE))
                        .with(csrf())
                        .param("endsOn", "2026-06-01"))
                .andExpect(flash().attributeExists("refused"));
    }

    /** Attacker's review (2026-12-07): six ends at once recorded a previous end that another had already replaced. */
    @Test
    void endsRecordedAtOnceEachKeepTheEndTheDelegationHadJustBefore() throws Exception {
        clock.setDay("2026-06-15");
        var id = delegation("2027-12-31");
        var officer = officerBearer();
        var days =
                java.util.List.of("2027-06-01", "2027-05-01", "2027-04-01", "2027-03-01", "2027-02-01", "2027-01-01");
        var answers = ca.gardien.support.AtOnce.results(
                days.size(),
                n -> send(officer, API + "/" + id + "/end", "{\"endsOn\":\"" + days.get(n) + "\"}")
                        .andReturn()
                        .getResponse()
                        .getStatus());
        for (var answer : answers) {
            assertThat(answer).isIn(200, 400, 409); // later than an end already recorded: refused
        }
        awaitLedgerEntry(
                "governance.delegation-ended",
                e -> String.valueOf(e.get("payload")).contains("2027-01-01"));
        var facts = ledgerEntries(officer).stream()
                .filter(e -> "governance.delegation-ended".equals(e.get("action")))
                .filter(e -> id.equals(e.get("objectId")))
                .map(e -> JsonPath.<java.util.Map<String, Object>>read(String.valueOf(e.get("payload")), "$"))
                .sorted(java.util.Comparator.comparing(
                                (java.util.Map<String, Object> p) -> String.valueOf(p.get("endsOn")))
                        .reversed())
                .toList();
        var before = "2027-12-31"; // ends only come sooner: by end, latest first, is the order they were recorded in
        for (var fact : facts) {
            assertThat(fact.get("previousEndsOn")).as("fact %s", fact).isEqualTo(before);
            before = String.valueOf(fact.get("endsOn"));
        }
        assertThat(before).isEqualTo("2027-01-01");
    }
}
