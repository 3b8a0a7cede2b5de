package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

class ConsentApiTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    String staff;

    @BeforeEach
    void map() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        staff = bearer(Role.STAFF);
    }

    static String email() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    ResultActions record(String bearer, String body) throws Exception {
        return mvc.perform(post("/api/v1/consents")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions record(String email, String purpose, String state, String kind) throws Exception {
        return record(staff, """
                {"subject": {"email": "%s"}, "purpose": "%s", "state": "%s", "kind": "%s", "channel": "API",
                 "noticeVersion": "3", "evidence": {"formId": "signup", "ip": "192.0.2.10",
                 "userAgent": "TestAgent/1.0", "language": "fr"}}""".formatted(email, purpose, state, kind));
    }

    ResultActions decision(String subject, String purpose) throws Exception {
        return mvc.perform(get("/api/v1/consent/decision")
                .header("Authorization", staff)
                .param("subject", subject)
                .param("purpose", purpose));
    }

    @Test
    void recordsAnExpressConsentAndAnswers201WithTheRecord() throws Exception {
        var email = email();
        var body = record(email, "newsletter", "GRANTED", "EXPRESS")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.purpose").value("newsletter"))
                .andExpect(jsonPath("$.state").value("GRANTED"))
                .andExpect(jsonPath("$.kind").value("EXPRESS"))
                .andExpect(jsonPath("$.givenBy").value("PERSON"))
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.noticeVersion").value("3"))
                .andExpect(jsonPath("$.evidence.language").value("fr"))
                .andExpect(jsonPath("$.evidence.ipHash").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(email).doesNotContain("192.0.2.10").doesNotContain("TestAgent");
    }

    /** The attacker's review of 2026-12-04: parallel first writes for one new person got 409s (a withdrawal lost). */
    @Test
    void parallelFirstWritesForOneNewPersonAreAllRecordedForOneSubject() throws Exception {
        for (int round = 0; round < 3; round++) {
            var email = email();
            var answers = ca.gardien.support.AtOnce.results(
                    12,
                    i -> record(email, "newsletter", i % 2 == 0 ? "GRANTED" : "WITHDRAWN", "EXPRESS")
                            .andReturn()
                            .getResponse());
            var statuses = new java.util.ArrayList<Integer>();
            var ids = new java.util.ArrayList<UUID>();
            for (var response : answers) {
                statuses.add(response.getStatus());
                if (response.getStatus() == 201) {
                    ids.add(UUID.fromString(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id")));
                }
            }
            assertThat(statuses).as("every write recorded").containsOnly(201);
            var subjects = ids.stream()
                    .map(id -> jdbc.sql("SELECT subject_id FROM consent_record WHERE id = ?")
                            .param(id)
                            .query(UUID.class)
                            .single())
                    .distinct()
                    .toList();
            assertThat(subjects).as("one subject for the one person").hasSize(1);
        }
    }

    @Test
    void keepsIdentifiersIpAndUserAgentOnlyAsKeyedHashes() throws Exception {
        var email = email();
        var id = JsonPath.read(
                record(email, "newsletter", "GRANTED", "EXPRESS")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        var stored = jdbc.sql("SELECT * FROM consent_record WHERE id = ?")
                .param(UUID.fromString((String) id))
                .query()
                .singleRow()
                .toString();
        var digests = jdbc.sql("SELECT digest FROM consent_identifier")
                .query(String.class)
                .list();
        assertThat(stored).doesNotContain("192.0.2.10").doesNotContain("TestAgent");
        assertThat(digests).allMatch(d -> d.matches("[0-9a-f]{64}"));
    }

    @Test
    void answersAllowForAGrantAndDenyAtOnceAfterAWithdrawal() throws Exception {
        var email = email();
        var grant = JsonPath.read(
                record(email, "newsletter", "GRANTED", "EXPRESS")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        decision("email:" + email.toUpperCase(), "newsletter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ALLOW"))
                .andExpect(jsonPath("$.reason").value("granted"))
                .andExpect(jsonPath("$.recordId").value(grant));
        record(email, "newsletter", "WITHDRAWN", "EXPRESS").andExpect(status().isCreated());
        decision("email:" + email, "newsletter")
                .andExpect(jsonPath("$.decision").value("DENY"))
                .andExpect(jsonPath("$.reason").value("withdrawn"));
    }

    @Test
    void deniesAnUnknownSubjectWithoutARecord() throws Exception {
        decision("email:" + email(), "newsletter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("DENY"))
                .andExpect(jsonPath("$.reason").value("no-consent"))
                .andExpect(jsonPath("$.recordId").doesNotExist());
    }

    @Test
    void rejectsImplicitConsentForASensitivePurposeWith422NamingTheRule() throws Exception {
        record(email(), "care", "GRANTED", "IMPLICIT")
                .andExpect(problem(422, "consent-rule"))
                .andExpect(jsonPath("$.rule").value("express-consent-for-sensitive-information"))
                .andExpect(jsonPath("$.reference").value("s. 12"));
    }

    @Test
    void rejectsImplicitConsentWhereThePurposeDoesNotAllowIt() throws Exception {
        record(email(), "newsletter", "GRANTED", "IMPLICIT")
                .andExpect(problem(422, "consent-rule"))
                .andExpect(jsonPath("$.rule").value("implicit-consent-not-allowed-for-purpose"));
    }

    @Test
    void rejectsImplicitConsentForASecondaryPurpose() throws Exception {
        record(email(), "statistics", "GRANTED", "IMPLICIT")
                .andExpect(problem(422, "consent-rule"))
                .andExpect(jsonPath("$.rule").value("secondary-purpose-needs-its-own-consent"));
    }

    @Test
    void rejectsAChildUnder14ConsentingAloneAndAcceptsTheParent() throws Exception {
        var child = """
                {"subject": {"customer": "C-%s"}, "purpose": "service", "state": "GRANTED", "kind": "EXPRESS",
                 "channel": "WEB_FORM", "givenBy": "%s", "ageBand": "UNDER_14"}""";
        var number = UUID.randomUUID().toString().substring(0, 8);
        record(staff, child.formatted(number, "PERSON"))
                .andExpect(problem(422, "consent-rule"))
                .andExpect(jsonPath("$.rule").value("parent-or-tutor-consent-under-14"));
        record(staff, child.formatted(number, "PARENT"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ageBand").value("UNDER_14"));
    }

    @Test
    void rejectsBadInputWith400NamingEveryField() throws Exception {
        record(staff, """
                        {"subject": {"email": "not-an-address", "phone": "12"}, "state": "EXPIRED",
                         "validUntil": "2000-01-01T00:00:00Z", "evidence": {"language": "de"}}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "subject.email",
                                "subject.phone",
                                "purpose",
                                "state",
                                "channel",
                                "validUntil",
                                "evidence.language")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("not-an-address"))));
    }

    /** Attacker's probe: a NUL or an invisible character in an address made a second subject looking like the first. */
    @Test
    void rejectsAnEmailWithAControlCharacterNamingIt() throws Exception {
        for (var hidden : new String[] {"\\u0000", "\\u0007", "\\u007f", "\\u200b", "\\u034f", "\\u3164"}) {
            record(staff, """
                            {"subject": {"email": "a%sb@example.test"}, "purpose": "newsletter", "state": "GRANTED",
                             "kind": "EXPRESS", "channel": "API"}""".formatted(hidden))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("subject.email"));
        }
    }

    /** Found by ConsentBodyFuzzTest: a control character went through to the ledger entry, which refused it (500). */
    @Test
    void rejectsANoticeVersionWithAControlCharacterNamingIt() throws Exception {
        record(staff, """
                        {"subject": {"email": "%s"}, "purpose": "newsletter", "state": "GRANTED", "kind": "EXPRESS",
                         "channel": "API", "noticeVersion": "2026-11\u007f"}""".formatted(email()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("noticeVersion"));
    }

    /** A notice version that reads otherwise than stored (a right-to-left override) is refused as a control is. */
    @Test
    void rejectsANoticeVersionWithAnInvisibleMarkNamingIt() throws Exception {
        record(staff, """
                        {"subject": {"email": "%s"}, "purpose": "newsletter", "state": "GRANTED", "kind": "EXPRESS",
                         "channel": "API", "noticeVersion": "2026-11\u202e"}""".formatted(email()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("noticeVersion"));
    }

    @Test
    void rejectsAPurposeTheDataMapDoesNotKnow() throws Exception {
        record(email(), "astrology", "GRANTED", "EXPRESS")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    }

    @Test
    void rejectsAnUnknownStateAsMalformed() throws Exception {
        record(email(), "newsletter", "MAYBE", "EXPRESS")
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
    }

    @Test
    void refusesRecordingToAnAuditorAndToAnonymousCallers() throws Exception {
        var body = """
                {"subject": {"email": "%s"}, "purpose": "newsletter", "state": "GRANTED", "kind": "EXPRESS",
                 "channel": "API"}""".formatted(email());
        record(bearer(Role.AUDITOR), body).andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/v1/consents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void rejectsADecisionForAMalformedSubject() throws Exception {
        decision("someone", "newsletter")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
    }

    @Test
    void refusesDecisionsToAnonymousCallersAndBulkDecisionsToAnAuditor() throws Exception {
        mvc.perform(get("/api/v1/consent/decision")
                        .param("subject", "email:" + email())
                        .param("purpose", "newsletter"))
                .andExpect(problem(401, "unauthenticated"));
        mvc.perform(post("/api/v1/consent/decisions")
                        .header("Authorization", bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"items\": [{\"subject\": \"email:" + email() + "\", \"purpose\": \"newsletter\"}]}"))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void answersBulkDecisionsInTheOrderAsked() throws Exception {
        var granted = email();
        var withdrawn = email();
        record(granted, "newsletter", "GRANTED", "EXPRESS");
        record(withdrawn, "newsletter", "GRANTED", "EXPRESS");
        record(withdrawn, "newsletter", "WITHDRAWN", "EXPRESS");
        var items = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            var subject = i % 3 == 0 ? granted : i % 3 == 1 ? withdrawn : "nobody-" + i + "@example.test";
            items.append(i == 0 ? "" : ",")
                    .append("{\"subject\":\"email:%s\",\"purpose\":\"newsletter\"}".formatted(subject));
        }
        var body = mvc.perform(post("/api/v1/consent/decisions")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + items + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(10_000)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (int i : new int[] {0, 1, 2, 9_999}) {
            var expected = i % 3 == 0 ? "granted" : i % 3 == 1 ? "withdrawn" : "no-consent";
            assertThat((String) JsonPath.read(body, "$.results[" + i + "].reason"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void rejectsBulkDecisionsOverTheLimitOrWithABadItem() throws Exception {
        var items = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"subject\":\"customer:c")
                    .append(i)
                    .append("\",\"purpose\":\"p\"}");
        }
        bulk("{\"items\":[" + items + "]}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("items"));
        bulk("{\"items\":[{\"subject\":\"customer:c1\",\"purpose\":\"p\"},{\"subject\":\"x\",\"purpose\":\"p\"}]}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("items[1].subject"));
    }

    ResultActions bulk(String body) throws Exception {
        return mvc.perform(post("/api/v1/consent/decisions")
                .header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void recordsEachConsentInTheLedgerWithoutPersonalInformation() throws Exception {
        var email = email();
        var id = JsonPath.read(
                record(email, "newsletter", "GRANTED", "EXPRESS")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        var entry = awaitLedgerEntry("consent.recorded", id);
        assertThat(entry.toString())
                .contains("newsletter")
                .contains("GRANTED")
                .doesNotContain(email)
                .doesNotContain("192.0.2.10");
        assertThat(actorKind(entry)).isEqualTo("TOKEN");
    }
}
