package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The policy documents: the seed's sections with live values in French and English, review, approval by the person
 * in charge or the substitute during a recorded absence (403/409 otherwise), publication at the public address with
 * the earlier versions, the JSON form read from another origin, and the ledger facts of each step.
 */
class GovernanceApiTest extends GovernanceTestSupport {

    String edit(int n, String key, String fr, String en) {
        return """
                {"headingFr":"%s","headingEn":"%s","fr":"%s","en":"%s"}""".formatted("15. Publication et modifications", "15. Publications and modifications", fr, en)
                .replace("%KEY", key);
    }

    @Test
    void theSeedRendersInBothLanguagesWithTheLiveProfileAndDeadlines() throws Exception {
        profile("Alex Synthétique");
        int n = openDraft();
        mvc.perform(get(POLICIES + "/versions/" + n).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sections.length()").value(16))
                .andExpect(jsonPath("$.sections[13].key").value("s13"))
                .andExpect(jsonPath("$.sections[13].headingFr").value("13. Approbation"))
                .andExpect(jsonPath("$.sections[13].headingEn").value("13. Approval"))
                .andExpect(jsonPath("$.sections[13].textFr")
                        .value(org.hamcrest.Matchers.containsString("Alex Synthétique")))
                .andExpect(jsonPath("$.sections[13].textEn")
                        .value(org.hamcrest.Matchers.containsString("Alex Synthétique")))
                .andExpect(jsonPath("$.sections[13].textEn")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("{{"))))
                .andExpect(jsonPath("$.sections[12].textFr")
                        .value(org.hamcrest.Matchers.containsString("dans les 30 jours")))
                .andExpect(
                        jsonPath("$.sections[12].textEn").value(org.hamcrest.Matchers.containsString("within 30 days")))
                .andExpect(jsonPath("$.sections[7].textEn")
                        .value(org.hamcrest.Matchers.containsString("the Président of Ingeno")));
    }

    @Test
    void changingThePersonInChargeChangesSectionThirteenOfTheNextVersionOnlyAndThePublicPageFollows() throws Exception {
        var officer = officerBearer();
        profile("Alex Premier");
        int first = openDraft();
        send(officer, POLICIES + "/versions/" + first + "/publish", null).andExpect(problem(409, "conflict"));
        send(officer, POLICIES + "/versions/" + first + "/approve", null).andExpect(problem(409, "conflict"));
        send(officer, POLICIES + "/versions/" + first + "/review", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEW"))
                .andExpect(jsonPath("$.sha256").isString());
        send(officer, POLICIES + "/versions/" + first + "/approve", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("person-in-charge"));
        send(officer, POLICIES + "/versions/" + first + "/publish", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publishedAt").isString());
        profile("Blake Second");
        mvc.perform(get("/privacy/policy"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("Alex Premier"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Blake Second")))));

        var second = openDraft();
        mvc.perform(put(POLICIES + "/versions/" + second + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit(
                                second,
                                "s15",
                                "Publiée partout. Révision " + second,
                                "Published everywhere. Revision " + second)))
                .andExpect(status().isOk());
        send(officer, POLICIES + "/versions/" + second + "/review", null).andExpect(status().isOk());
        send(officer, POLICIES + "/versions/" + second + "/approve", null).andExpect(status().isOk());
        send(officer, POLICIES + "/versions/" + second + "/publish", null).andExpect(status().isOk());

        mvc.perform(get("/privacy/policy.json").param("lang", "en").header(HttpHeaders.ORIGIN, "https://site.example"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
                .andExpect(jsonPath("$.version").value(second))
                .andExpect(jsonPath("$.lang").value("en"))
                .andExpect(jsonPath("$.sections[13].text").value(org.hamcrest.Matchers.containsString("Blake Second")))
                .andExpect(jsonPath("$.sections[15].text").value("Published everywhere. Revision " + second))
                .andExpect(jsonPath("$.versions[1].version").value(first))
                .andExpect(jsonPath("$.versions[1].publishedAt").isString());
        mvc.perform(get("/privacy/policy"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("Blake Second"),
                                org.hamcrest.Matchers.containsString("Publiée partout. Révision " + second),
                                org.hamcrest.Matchers.containsString("/privacy/policy/versions/" + first))));
        mvc.perform(get("/privacy/policy/versions/" + first).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Alex Premier")));
        mvc.perform(get(POLICIES + "/diff")
                        .param("from", "" + first)
                        .param("to", "" + second)
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[?(@.op=='added')].text")
                        .value(org.hamcrest.Matchers.hasItem("Published everywhere. Revision " + second)));
        awaitLedgerEntry(
                "governance.published",
                e -> "privacy-policy".equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("\"version\":\"" + second + "\""));
        awaitLedgerEntry("governance.section-edited", "privacy-policy");
        awaitLedgerEntry("governance.approved", "privacy-policy");
    }

    @Test
    void onlyTheRecordedSubstituteApprovesAndOnlyWhileThePersonInChargeIsRecordedAbsent() throws Exception {
        var officer = officerBearer();
        var substitute = person(Role.DELEGATE);
        var substituteBearer = bearerFor(substitute.id(), Role.DELEGATE);
        var otherDelegate = bearer(Role.DELEGATE);
        int n = openDraft();
        send(officer, POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        send(officer, "/api/v1/governance/person-in-charge/substitute", """
                {"name":"Sam Exemple","title":"Président","email":"sam@example.test","accountId":"%s",
                 "startsOn":"2026-01-01"}""".formatted(substitute.id()))
                .andExpect(status().isCreated());
        clock.setDay("2031-03-02");
        send(substituteBearer, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
        send(otherDelegate, "/api/v1/governance/person-in-charge/absences", """
                {"startsOn":"2031-03-01","endsOn":"2031-03-10"}""").andExpect(status().isCreated());
        mvc.perform(get("/privacy/policy/person-in-charge").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("Sam Exemple"),
                                org.hamcrest.Matchers.containsString("absent until 2031-03-10"))));
        send(otherDelegate, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
        send(bearer(Role.STAFF), POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
        send(substituteBearer, POLICIES + "/versions/" + n + "/approve", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("substitute"));
        clock.setDay("2031-03-11");
        mvc.perform(get("/api/v1/governance/person-in-charge").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.substitute").value(false));
        awaitLedgerEntry("governance.approval-refused", "privacy-policy");
        awaitLedgerEntry("governance.absence-recorded", e -> true);
        awaitLedgerEntry("governance.substitute-designated", e -> true);
    }

    /** The attacker's review of 2026-12-04 (2): an auditor, a staff member or no account at all was accepted. */
    @Test
    void onlyAnActiveDelegateAccountCanBeDesignatedSubstitute() throws Exception {
        var officer = officerBearer();
        for (var account : new String[] {
            person(Role.AUDITOR).id().toString(),
            person(Role.STAFF).id().toString(),
            "00000000-0000-0000-0000-000000000000"
        }) {
            send(officer, "/api/v1/governance/person-in-charge/substitute", """
                    {"name":"Sam Exemple","title":"Président","accountId":"%s","startsOn":"2026-01-01"}""".formatted(account))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        }
    }

    /** The attacker's review of 2026-12-04: a delegate declared the person in charge absent for ten years. */
    @Test
    void aDelegateRecordsOnlyAShortAbsenceTheSubstituteActsFromItsStartAndThePersonInChargeEndsAnAbsence()
            throws Exception {
        var officer = officerBearer();
        var substitute = person(Role.DELEGATE);
        var substituteBearer = bearerFor(substitute.id(), Role.DELEGATE);
        int n = openDraft();
        send(officer, POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2032-05-02"); // after what other tests record: this designation is the latest
        send(officer, "/api/v1/governance/person-in-charge/substitute", """
                {"name":"Sam Exemple","title":"Président","email":"sam@example.test","accountId":"%s",
                 "startsOn":"2032-06-01"}""".formatted(substitute.id()))
                .andExpect(status().isCreated());
        clock.advance(java.time.Duration.ofHours(1));
        var delegate = bearer(Role.DELEGATE); // not the substitute, who never records the absence that empowers them
        send(delegate, "/api/v1/governance/person-in-charge/absences", """
                {"startsOn":"2032-05-01","endsOn":"2036-12-31"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        send(delegate, "/api/v1/governance/person-in-charge/absences", """
                {"startsOn":"2032-05-01","endsOn":"2032-05-20"}""").andExpect(status().isCreated());
        send(substituteBearer, POLICIES + "/versions/" + n + "/approve", null) // designated from June 1st only
                .andExpect(problem(403, "forbidden"));

        clock.setDay("2032-06-02");
        var away = com.jayway.jsonpath.JsonPath.<String>read(
                send(officer, "/api/v1/governance/person-in-charge/absences", """
                                {"startsOn":"2032-06-01","endsOn":"2032-09-30"}""")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        clock.advance(java.time.Duration.ofHours(2)); // later the same day
        send(
                        officer,
                        "/api/v1/governance/person-in-charge/absences/" + away + "/end",
                        """
                {"endsOn":"2032-06-01"}""") // back: the absence ended yesterday
                .andExpect(status().isOk());
        send(substituteBearer, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
    }

    @Test
    void aDelegationInWritingNeedsItsScopeAndTheSignedDocumentsDigestAndOnlyThePersonInChargeRecordsIt()
            throws Exception {
        var path = "/api/v1/governance/person-in-charge/delegations";
        send(bearer(Role.DELEGATE), path, "{}").andExpect(problem(403, "forbidden"));
        send(officerBearer(), path, """
                {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"PART",
                 "startsOn":"2026-13-01","documentSha256":"abc"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("startsOn", "part", "documentSha256")));
        // an account named must be one Gardien knows (attacker review: any id was kept)
        send(officerBearer(), path, """
                {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"WHOLE",
                 "accountId":"%s","startsOn":"2026-02-01","documentSha256":"%s"}""".formatted(java.util.UUID.randomUUID(), "a".repeat(64)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("accountId")));
        var id = JsonPath.read(
                send(officerBearer(), path, """
                        {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"PART",
                         "part":"Les plaintes","startsOn":"2026-02-01","documentSha256":"%s"}""".formatted("a".repeat(64)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        var fact = awaitLedgerEntry("governance.delegation-recorded", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("PART").doesNotContain("Dana");
    }

    @Test
    void badInputAndWrongRolesAreRefusedWithProblems() throws Exception {
        mvc.perform(get(POLICIES + "/versions/abc").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("n"));
        mvc.perform(get("/api/v1/policies/nothing-here/versions/1").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/policies")).andExpect(problem(401, "unauthenticated"));
        send(bearer(Role.AUDITOR), POLICIES + "/versions", null).andExpect(problem(403, "forbidden"));
        send(bearer(Role.STAFF), POLICIES + "/versions/1/publish", null).andExpect(problem(403, "forbidden"));
        send(bearer(Role.AUDITOR), POLICIES + "/versions/1/review", null).andExpect(problem(403, "forbidden"));
        int n = openDraft();
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headingFr\":\"x\",\"headingEn\":\"x\",\"en\":\"only English\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("fr"));
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s99")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headingFr\":\"x\",\"headingEn\":\"x\",\"fr\":\"a\",\"en\":\"b\"}"))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(POLICIES + "/diff")
                        .param("from", "0")
                        .param("to", "1")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        send(
                        officerBearer(),
                        "/api/v1/governance/person-in-charge/absences",
                        "{\"startsOn\":\"2026-03-10\",\"endsOn\":\"2026-03-01\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        send(bearer(Role.STAFF), "/api/v1/governance/person-in-charge/absences", "{}")
                .andExpect(problem(403, "forbidden"));
        send(bearer(Role.DELEGATE), "/api/v1/governance/person-in-charge/substitute", "{}")
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/privacy/policies/nothing-here")).andExpect(status().isNotFound());
    }
}
