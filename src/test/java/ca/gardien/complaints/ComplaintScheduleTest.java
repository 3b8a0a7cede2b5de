package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Reminders before the due date, destruction on the retention schedule, the timeline's words and kept refusals. */
@Import(ComplaintsApiTest.Clocks.class)
class ComplaintScheduleTest extends WebTestSupport {

    @Autowired
    MovableClock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    ComplaintReminders reminders;

    @Autowired
    ComplaintRetention retention;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    ResultActions send(String bearer, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String create() throws Exception {
        var answer = send(officerBearer(), "/api/v1/complaints", ComplaintsApiTest.body(null, "fr"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.id");
    }

    long reminders(String id) {
        return outbox.about(id).stream()
                .filter(m -> "complaint-reminder".equals(m.template()))
                .count();
    }

    @Test
    void theAssigneeIsRemindedOncePerThresholdBeforeTheDueDateWithALedgerFactEach() throws Exception {
        clock.setDay("2027-03-01"); // due 2027-03-31
        var id = create();
        var assigned = person(Role.STAFF);
        send(officerBearer(), "/api/v1/complaints/" + id + "/assignment", "{\"accountId\":\"" + assigned.id() + "\"}")
                .andExpect(status().isOk());
        clock.setDay("2027-03-23"); // 8 days left: no threshold crossed
        reminders.tick();
        assertThat(reminders(id)).isZero();
        clock.setDay("2027-03-24"); // 7 days left
        reminders.tick();
        reminders.tick();
        assertThat(reminders(id)).isEqualTo(1);
        clock.setDay("2027-03-29"); // 2 days left
        reminders.tick();
        assertThat(reminders(id)).isEqualTo(2);
        assertThat(outbox.about(id).stream()
                        .filter(m -> "complaint-reminder".equals(m.template()))
                        .map(OutboxMessage::recipient))
                .containsOnly("account:" + assigned.id());
        var fact = awaitLedgerEntry("complaints.reminder-sent", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("daysLeft").doesNotContain("Camille");
    }

    @Test
    void aClosedFileIsDestroyedAfterItsRetentionPeriodKeepingItsCount() throws Exception {
        clock.setDay("2027-03-01");
        var id = create();
        send(officerBearer(), "/api/v1/complaints/" + id + "/answer", "{\"reasons\":\"Votre adresse a été retirée.\"}")
                .andExpect(status().isOk());
        send(officerBearer(), "/api/v1/complaints/" + id + "/close", "{}").andExpect(status().isOk());
        long before = counted();
        clock.setDay("2028-02-27"); // within the year after closing
        retention.sweep();
        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk());
        clock.setDay("2028-03-03");
        assertThat(retention.sweep()).isPositive();
        assertThat(retention.sweep()).isZero();
        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(404, "not-found"));
        assertThat(counted()).isGreaterThan(before);
        var fact = awaitLedgerEntry("complaints.destroyed", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("2027").doesNotContain("Camille");
    }

    private long counted() {
        return jdbc.sql("SELECT COALESCE(SUM(destroyed), 0) FROM complaints_count WHERE received_year = 2027"
                        + " AND outcome = 'CLOSED'")
                .query(Long.class)
                .single();
    }

    @Test
    void theTimelineSaysWhoInWordsAndARefusedWriteKeepsItsRefusalFact() throws Exception {
        clock.setDay("2027-03-01");
        var id = create();
        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(jsonPath("$.timeline[0].actor").value(Matchers.startsWith("TOKEN:")));
        var officer = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/complaints/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Programme")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Actor["))));

        var stranger = bearer(Role.STAFF);
        send(stranger, "/api/v1/complaints/" + id + "/answer", "{\"reasons\":\"x\"}")
                .andExpect(problem(403, "forbidden"));
        awaitLedgerEntry("complaints.read-refused", id);
    }

    @Test
    void linesWrittenInTheRecordFormReadAsTheLedgerForm() {
        assertThat(ComplaintStep.actorOf("Actor[kind=ACCOUNT, id=42]")).isEqualTo("ACCOUNT:42");
        assertThat(ComplaintStep.actorOf("SYSTEM:gardien")).isEqualTo("SYSTEM:gardien");
    }

    @Test
    void aLinkedRequestShowsItsComplaintsToThoseWhoMayOpenThemAndTheComplaintShowsTheRequest() throws Exception {
        clock.setDay("2027-03-01");
        var id = create();
        var request = send(officerBearer(), "/api/v1/requests", """
                        {"type":"ACCESS","subject":{"email":"camille@example.test"},"jurisdiction":"QC",
                         "channel":"API","language":"fr"}""")
                .andReturn()
                .getResponse()
                .getContentAsString();
        String requestId = JsonPath.read(request, "$.id");
        String requestReference = JsonPath.read(request, "$.reference");
        send(officerBearer(), "/api/v1/complaints/" + id + "/links", "{\"requestId\":\"R-1999-00001\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("requestId"));
        // staff quote the reference the person was given, as they type it
        var linked = send(
                        officerBearer(),
                        "/api/v1/complaints/" + id + "/links",
                        "{\"requestId\":\" " + requestReference.toLowerCase(java.util.Locale.ROOT) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value(requestId))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String complaintReference = JsonPath.read(linked, "$.reference");
        assertThat(complaintReference).matches("C-2027-\\d{5,}");
        var officer = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/requests/" + requestId).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-complaint=\"" + id + "\"")))
                .andExpect(content().string(Matchers.containsString(">" + complaintReference + "</a>")))
                .andExpect(content().string(Matchers.containsString("Plaintes au sujet de cette demande")));
        mvc.perform(get("/console/complaints/" + id).session(officer))
                .andExpect(content().string(Matchers.containsString("/console/requests/" + requestId)))
                .andExpect(content().string(Matchers.containsString(">" + requestReference + "</a>")));
        mvc.perform(get("/console/complaints").param("q", complaintReference).session(officer))
                .andExpect(content().string(Matchers.containsString("data-complaint=\"" + id + "\"")));
        var staff = person(Role.STAFF);
        mvc.perform(get("/console/requests/" + requestId).session(login(staff.username(), staff.password())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(id))));
    }
}
