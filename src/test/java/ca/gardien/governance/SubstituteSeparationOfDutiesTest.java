package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The attacker's review: the designated substitute recorded a one-day absence of the person in charge,
 * then approved and published a version they wrote, alone, and the person in charge heard nothing. The substitute does
 * not record the absence that empowers them, does not approve a version they started, edited or sent to review, and
 * the person in charge is told at once of an absence a delegate records.
 */
class SubstituteSeparationOfDutiesTest extends GovernanceTestSupport {

    private static final String ABSENCES = "/api/v1/governance/person-in-charge/absences";

    @Autowired
    Outbox outbox;

    private String designate(UUID account) throws Exception {
        send(officerBearer(), "/api/v1/governance/person-in-charge/substitute", """
                {"name":"Sam Exemple","title":"Président","accountId":"%s","startsOn":"2026-01-01"}""".formatted(account))
                .andExpect(status().isCreated());
        return bearerFor(account, Role.DELEGATE);
    }

    private void editLastSection(String bearer, int n) throws Exception {
        mvc.perform(put(POLICIES + "/versions/" + n + "/sections/s15")
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"headingFr":"15. Publication","headingEn":"15. Publication",
                                 "fr":"Texte du substitut.","en":"The substitute's text."}"""))
                .andExpect(status().isOk());
    }

    private String absence(String bearer, String from, String to) throws Exception {
        return JsonPath.read(
                send(bearer, ABSENCES, "{\"startsOn\":\"%s\",\"endsOn\":\"%s\"}".formatted(from, to))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void theSubstituteAloneCanNeitherRecordTheAbsenceNorApproveAVersionTheyWrote() throws Exception {
        var substitute = designate(person(Role.DELEGATE).id());
        int n = openDraft();
        editLastSection(substitute, n);
        send(substitute, POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2041-03-02");
        send(substitute, ABSENCES, """
                {"startsOn":"2041-03-02","endsOn":"2041-03-02"}""").andExpect(problem(403, "forbidden"));
        awaitLedgerEntry("governance.absence-refused", e -> true);
        send(substitute, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));

        absence(bearer(Role.DELEGATE), "2041-03-02", "2041-03-02"); // another delegate: the substitute now acts
        send(substitute, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
        send(substitute, POLICIES + "/versions/" + n + "/publish", null).andExpect(problem(409, "conflict"));
        awaitLedgerEntry(
                "governance.approval-refused",
                e -> String.valueOf(e.get("payload")).contains("wrote-it"));
        mvc.perform(get(POLICIES + "/versions/" + n).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$.status").value("REVIEW"));
        send(officerBearer(), POLICIES + "/versions/" + n + "/approve", null) // the person in charge, back, approves
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("person-in-charge"));
    }

    @Test
    void aSubstituteWhoOnlyStartedTheVersionDoesNotApproveItEither() throws Exception {
        var substitute = designate(person(Role.DELEGATE).id());
        publishNext();
        int n = JsonPath.read(
                send(substitute, POLICIES + "/versions", null)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.number");
        send(officerBearer(), POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2041-04-02");
        absence(officerBearer(), "2041-04-01", "2041-04-03");
        send(substitute, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
    }

    @Test
    void theSubstituteApprovesAnotherDelegatesVersionAndThePersonInChargeIsToldOfTheAbsenceAtOnce() throws Exception {
        profile("Alex Synthétique");
        var substitute = designate(person(Role.DELEGATE).id());
        var writer = bearer(Role.DELEGATE);
        int n = openDraft();
        editLastSection(writer, n);
        send(writer, POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2041-05-02");
        var away = absence(writer, "2041-05-01", "2041-05-05");
        assertThat(outbox.about(away))
                .filteredOn(m -> m.template().equals("governance.absence-recorded"))
                .extracting(OutboxMessage::channel, OutboxMessage::recipient)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(Message.Channel.INTERNAL, "account:" + officerId()),
                        org.assertj.core.groups.Tuple.tuple(Message.Channel.EMAIL, "rp@example.test"));
        assertThat(outbox.about(away))
                .filteredOn(m -> m.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(m -> assertThat(m.body()).contains("2041-05-01", "2041-05-05", "mettez fin"));
        awaitLedgerEntry("governance.absence-notice-queued", away);
        send(substitute, POLICIES + "/versions/" + n + "/approve", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("substitute"));
    }

    @Test
    void anAbsenceTheSubstituteRecordedBeforeBeingDesignatedDoesNotLetThemAct() throws Exception {
        var account = person(Role.DELEGATE).id();
        int n = openDraft();
        send(officerBearer(), POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2041-06-02");
        var own = bearerFor(account, Role.DELEGATE);
        designate(person(Role.DELEGATE).id()); // someone else is the substitute while this absence is recorded
        absence(own, "2041-06-01", "2041-06-10");
        clock.advance(java.time.Duration.ofHours(1));
        designate(account);
        send(own, POLICIES + "/versions/" + n + "/approve", null).andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/governance/person-in-charge").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$.substitute").value(false));
    }

    @Test
    void anAbsenceIsRefusedToOtherRolesAndOnBadDays() throws Exception {
        designate(person(Role.DELEGATE).id());
        var delegate = bearer(Role.DELEGATE);
        send(delegate, ABSENCES, """
                {"startsOn":"2041-07-10","endsOn":"2041-07-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        send(delegate, ABSENCES, """
                {"startsOn":"not a day","endsOn":"2041-07-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("startsOn"));
        for (var role : new Role[] {Role.STAFF, Role.AUDITOR}) {
            send(bearer(role), ABSENCES, """
                    {"startsOn":"2041-07-01","endsOn":"2041-07-02"}""").andExpect(problem(403, "forbidden"));
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(ABSENCES)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void theConsoleOffersTheSubstituteNoAbsenceFormAndSaysWhyTheyDoNotApproveTheirVersion() throws Exception {
        var person = person(Role.DELEGATE);
        var substitute = designate(person.id());
        int n = openDraft();
        editLastSection(substitute, n);
        send(substitute, POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        clock.setDay("2041-08-02");
        absence(officerBearer(), "2041-08-01", "2041-08-03");
        var session = login(person.username(), person.password());
        assertThat(consolePage(OfficerPages.PAGE, session))
                .contains("id=\"substitute-records-no-absence\"", "vous ne consignez pas l’absence")
                .doesNotContain("action=\"/console/governance/person-in-charge/absences\"");
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        OfficerPages.PAGE + "/absences")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("startsOn", "2041-08-02")
                                .param("endsOn", "2041-08-02"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refused", org.hamcrest.Matchers.containsString("rôle")));
        assertThat(consolePage("/console/governance/policies/privacy-policy/versions/" + n, session))
                .contains("comme substitut, vous ne l’approuvez pas")
                .doesNotContain("id=\"approve\"");
        assertThat(consolePage(OfficerPages.PAGE, as(Role.DELEGATE)))
                .contains("action=\"/console/governance/person-in-charge/absences\"")
                .doesNotContain("substitute-records-no-absence");
    }
}
