package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * Training campaigns: acknowledging a new policy version records the version seen, the completion rate follows, the
 * reminders go through the outbox from three days before the due date (once a day, never to who acknowledged), and
 * the record lists each person with the version and the time.
 */
class TrainingApiTest extends GovernanceTestSupport {

    static final String CAMPAIGNS = "/api/v1/training/campaigns";

    @Autowired
    Outbox outbox;

    @Autowired
    TrainingReminders reminders;

    @Test
    void aCampaignOnANewVersionCountsAcknowledgementsRemindsTheOthersAndExportsItsRecord() throws Exception {
        int version = publishNext();
        var reader = person(Role.STAFF);
        var readerBearer = bearerFor(reader.id(), Role.STAFF);
        var other = person(Role.STAFF);
        clock.setDay("2032-05-01");
        var started = send(officerBearer(), CAMPAIGNS, """
                        {"title":"Politique %d","policyId":"privacy-policy","roles":["STAFF"],"dueOn":"2032-05-10"}""".formatted(version))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.policyVersion").value(version))
                .andExpect(jsonPath("$.acknowledged").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(started, "$.id");
        int audience = JsonPath.read(started, "$.audience");
        assertThat(audience).isGreaterThanOrEqualTo(2);

        var ack = CAMPAIGNS + "/" + id + "/acknowledgements";
        send(readerBearer, ack, "{\"versionSeen\":" + (version + 1) + "}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("versionSeen"));
        send(bearer(Role.AUDITOR), ack, "{\"versionSeen\":" + version + "}").andExpect(problem(403, "forbidden"));
        send(readerBearer, ack, "{\"versionSeen\":" + version + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.acknowledged").value(1))
                .andExpect(jsonPath("$.completionPercent").value(100 / audience));
        send(readerBearer, ack, "{\"versionSeen\":" + version + "}").andExpect(problem(409, "conflict"));
        mvc.perform(get(CAMPAIGNS).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(
                        jsonPath("$[?(@.id=='" + id + "')].completionPercent").value(100 / audience));

        clock.setDay("2032-05-06");
        reminders.tick();
        assertThat(outbox.about(id)).isEmpty();
        clock.setDay("2032-05-07");
        reminders.tick();
        reminders.tick();
        assertThat(outbox.about(id)).hasSize(audience - 1);
        clock.setDay("2032-05-08");
        reminders.tick();
        var sent = outbox.about(id);
        assertThat(sent).hasSize(2 * (audience - 1));
        assertThat(sent)
                .extracting(OutboxMessage::recipient)
                .contains("account:" + other.id())
                .doesNotContain("account:" + reader.id());

        var csv = mvc.perform(get(CAMPAIGNS + "/" + id + "/record.csv")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Utilisateur,Nom,Version vue");
        assertThat(csv.lines()
                        .filter(l -> l.startsWith(reader.username() + ","))
                        .findFirst()
                        .orElseThrow())
                .contains("," + version + ",")
                .contains("2032-05-01T");
        assertThat(csv.lines()
                        .filter(l -> l.startsWith(other.username() + ","))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",,,,2");
        awaitLedgerEntry("governance.campaign-started", id);
        awaitLedgerEntry("governance.acknowledged", id);
        awaitLedgerEntry("governance.reminder-sent", id);
    }

    /**
     * The record's time column is named for what it holds: the organization's time with its UTC offset (it once said
     * "(UTC)" over values such as {@code 2032-05-01T08:00:00-04:00}), in the reader's language.
     */
    @Test
    void theRecordsAcknowledgementColumnSaysItIsTheOrganizationsTimeWithItsOffset() throws Exception {
        int version = publishNext();
        var reader = person(Role.STAFF);
        clock.setDay("2032-05-01");
        var started = send(officerBearer(), CAMPAIGNS, """
                        {"title":"Fuseau %d","policyId":"privacy-policy","roles":["STAFF"],"dueOn":"2032-05-10"}""".formatted(version))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(started, "$.id");
        send(bearerFor(reader.id(), Role.STAFF), CAMPAIGNS + "/" + id + "/acknowledgements", """
                        {"versionSeen":%d}""".formatted(version))
                .andExpect(status().isCreated());
        var headers = java.util.Map.of(
                "fr", "Prise de connaissance (heure de l’organisation avec décalage UTC)",
                "en", "Acknowledged at (organization’s time with UTC offset)");
        for (var language : headers.keySet()) {
            var csv = mvc.perform(get(CAMPAIGNS + "/" + id + "/record.csv")
                            .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                            .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var header = csv.lines().findFirst().orElseThrow().split(",");
            var line = csv.lines()
                    .filter(l -> l.startsWith(reader.username() + ","))
                    .findFirst()
                    .orElseThrow()
                    .split(",");
            assertThat(header[4]).as(language).isEqualTo(headers.get(language)).doesNotContain("(UTC)");
            assertThat(line[4]).as(language).matches("2032-05-01T\\d{2}:\\d{2}:\\d{2}-04:00");
        }
    }

    @Test
    void badCampaignsAndWrongRolesAreRefused() throws Exception {
        clock.setDay("2032-05-01");
        send(bearer(Role.STAFF), CAMPAIGNS, "{}").andExpect(problem(403, "forbidden"));
        send(officerBearer(), CAMPAIGNS, """
                {"title":"x","policyId":"privacy-policy","module":"Hameçonnage","roles":["ROOT"],"dueOn":"2032-04-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("policyId", "roles", "dueOn")));
        // neither a policy nor a module: said as missing, not as "not both" (officer's review)
        send(officerBearer(), CAMPAIGNS, """
                {"title":"x","roles":["STAFF"],"dueOn":"2032-06-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("policyId"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("both")),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("deux")))));
        send(officerBearer(), CAMPAIGNS, """
                {"title":"x","policyId":"privacy-policy","policyVersion":999,"roles":["STAFF"],"dueOn":"2032-06-01"}""").andExpect(problem(409, "conflict"));
        send(officerBearer(), CAMPAIGNS, """
                {"title":"Hameçonnage","module":"Sensibilisation 2032","roles":["DELEGATE"],"dueOn":"2032-06-01"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.module").value("Sensibilisation 2032"));
        mvc.perform(get(CAMPAIGNS).header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get(CAMPAIGNS + "/not-a-uuid/record.csv").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        send(officerBearer(), CAMPAIGNS + "/" + java.util.UUID.randomUUID() + "/acknowledgements", "{}")
                .andExpect(problem(404, "not-found"));
    }
}
