package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacker's review: a delegate recorded a one-day absence of the person in charge every day, keeping the substitute
 * empowered without end, and the person in charge was told in French whatever their language. Absences that overlap or
 * follow each other make one period, which a delegate records for at most {@code gardien.governance.max-absence} days;
 * the notice is in each reader's language.
 */
class AbsencePeriodTest extends GovernanceTestSupport {

    private static final String ABSENCES = "/api/v1/governance/person-in-charge/absences";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Test
    void aOneDayAbsenceRecordedEveryDayIsRefusedOnTheDayItsPeriodPassesTheMaximum() throws Exception {
        var delegate = bearer(Role.DELEGATE);
        var first = LocalDate.parse("2045-01-01");
        for (int day = 0; day < GovernanceProperties.MAX_ABSENCE.toDays(); day++) {
            var today = first.plusDays(day).toString();
            clock.setDay(today);
            record(delegate, today, today, null).andExpect(status().isCreated());
        }
        var next = first.plusDays(30).toString(); // the 31st day in a row
        clock.setDay(next);
        record(delegate, next, next, null)
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.allOf(
                                Matchers.containsString("absente du 2045-01-01 au 2045-01-31, 31 jours de suite"),
                                Matchers.containsString("au plus 30 jours de suite"),
                                Matchers.containsString("gardien.governance.max-absence"))));
        record(delegate, next, next, "en")
                .andExpect(problem(409, "conflict"))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        Matchers.containsString(
                                                "absent from 2045-01-01 to 2045-01-31, 31 days in a row: a delegate records at most 30")));
        assertThat(absencesOn(next)).as("nothing recorded, no one told").isZero();
        // the person in charge records a longer absence
        record(officerBearer(), next, next, null).andExpect(status().isCreated());
        assertThat(absencesOn(next)).isEqualTo(1);
    }

    @Test
    void anAbsenceRunsIntoThoseItOverlapsOrFollowsWhoeverRecordedThemButNotIntoAWithdrawnOne() throws Exception {
        clock.setDay("2046-01-01");
        var delegate = bearer(Role.DELEGATE);
        record(officerBearer(), "2046-03-01", "2046-03-25", null).andExpect(status().isCreated());
        record(delegate, "2046-03-20", "2046-03-31", null) // overlapping: 31 days from 1 March
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("du 2046-03-01 au 2046-03-31")));
        record(delegate, "2046-02-24", "2046-02-28", null) // the day before: 30 days from 24 February
                .andExpect(status().isCreated());
        record(delegate, "2046-02-23", "2046-02-23", null).andExpect(problem(409, "conflict"));
        // alone, too long: the field, as before
        record(delegate, "2046-06-01", "2046-07-01", null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        // a withdrawn absence is no day away: it joins nothing
        String withdrawn = JsonPath.read(
                record(delegate, "2046-08-01", "2046-08-20", null)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        send(officerBearer(), ABSENCES + "/" + withdrawn + "/end", "{\"endsOn\":\"2046-07-31\"}")
                .andExpect(status().isOk());
        record(delegate, "2046-08-10", "2046-09-05", null).andExpect(status().isCreated());
        // the console says it at the page's top, in the page's language
        var refused = mvc.perform(post(OfficerPages.PAGE + "/absences")
                        .session(as(Role.DELEGATE))
                        .with(csrf())
                        .param("startsOn", "2046-09-06")
                        .param("endsOn", "2046-09-09"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .contains("absente du 2046-08-10 au 2046-09-09, 31 jours de suite");
        assertThat(absencesOn("2046-09-06")).isZero();
    }

    @Test
    void theNoticeOfADelegatesAbsenceIsInEachOfficersLanguageAndTheEmailInFrench() throws Exception {
        var english = person(Role.PRIVACY_OFFICER);
        accounts.setLocale(english.id(), "en");
        var french = person(Role.PRIVACY_OFFICER);
        accounts.setLocale(french.id(), "fr");
        var unset = person(Role.PRIVACY_OFFICER);
        profile("Alex Synthétique");
        clock.setDay("2045-06-01");
        String away = JsonPath.read(
                record(bearer(Role.DELEGATE), "2045-06-01", "2045-06-03", null)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        var notices = outbox.about(away);
        assertThat(notice(notices, "account:" + english.id()).subject())
                .isEqualTo("An absence of the person in charge was recorded");
        assertThat(notice(notices, "account:" + english.id()).body()).contains("end this absence");
        assertThat(notice(notices, "account:" + french.id()).subject())
                .isEqualTo("Une absence de la personne responsable a été consignée");
        assertThat(notice(notices, "account:" + unset.id()).body()).contains("mettez fin");
        assertThat(notices)
                .filteredOn(m -> m.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(m -> assertThat(m.body()).contains("mettez fin"));
    }

    @Test
    void theMaximumIsAWholeNumberOfDaysThirtyByDefault() {
        assertThat(new GovernanceProperties(null).maxAbsenceDays()).isEqualTo(30);
        assertThat(new GovernanceProperties(Duration.ofDays(45)).maxAbsenceDays())
                .isEqualTo(45);
        assertThatThrownBy(() -> new GovernanceProperties(Duration.ofHours(36)))
                .hasMessageContaining("gardien.governance.max-absence");
        assertThatThrownBy(() -> new GovernanceProperties(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private org.springframework.test.web.servlet.ResultActions record(
            String bearer, String startsOn, String endsOn, String language) throws Exception {
        var request = post(ABSENCES)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"startsOn\":\"%s\",\"endsOn\":\"%s\"}".formatted(startsOn, endsOn));
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return mvc.perform(request);
    }

    private long absencesOn(String day) {
        return jdbc.sql("SELECT COUNT(*) FROM governance_officer_record WHERE kind = 'ABSENCE' AND starts_on = ?")
                .param(LocalDate.parse(day))
                .query(Long.class)
                .single();
    }

    private static OutboxMessage notice(java.util.List<OutboxMessage> notices, String recipient) {
        return notices.stream()
                .filter(m -> m.channel() == Message.Channel.INTERNAL && recipient.equals(m.recipient()))
                .findFirst()
                .orElseThrow();
    }
}
