package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.MovableClock;
import ca.gardien.support.MovableClocks;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;

/**
 * The organization's time zone in the console pages (issue 13, officer's review): with the clock at 03:30 UTC on
 * 15 January 2027, which is 22:30 on the 14th in Québec, the ledger, its CSV, the dashboard and the API tokens show
 * the 14th at 22:30 with the zone (the JVM's zone and UTC would say the 15th), and a day typed in the ledger's filter is
 * the organization's day.
 */
@Import(MovableClocks.class)
class ConsoleOrganizationTimeTest extends WebTestSupport {

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** 2027-01-15T03:30:00Z: after the context's first entries, so that the ledger's time only moves forward. */
    private void lateEvening() {
        clock.setDay("2027-01-14");
        clock.advance(Duration.ofHours(11).plusMinutes(30));
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFactRecordedLateInTheEveningIsOnTheOrganizationsDayInTheLedgerItsDayFilterAndItsCsv() throws Exception {
        var reader = person(Role.AUDITOR);
        lateEvening();
        var session = login(reader.username(), reader.password());
        var late = accounts.create(
                unique("late"), "Late evening", TestPasswords.fresh("initial"), Set.of(Role.STAFF), Actor.SYSTEM);
        var id = late.id().toString();
        awaitLedgerEntry("account.created", id);
        var filter = "/console/ledger?action=account.created&object=" + id;

        assertThat(page(filter, session))
                .contains("<code class=\"object-id\" data-raw>" + late.username() + "</code>")
                .contains("2027-01-14 22:30:00 HNE")
                .doesNotContain("2027-01-15 03:30")
                .contains("America/Toronto");
        assertThat(page(filter + "&lang=en", session)).contains("2027-01-14 22:30:00 EST");
        // the 14th, from its first to its last hour in Québec, holds the entry; the 15th (UTC's day) does not
        assertThat(page(filter + "&from=2027-01-14&to=2027-01-14", session))
                .contains("<code class=\"object-id\" data-raw>" + late.username() + "</code>");
        assertThat(page(filter + "&from=2027-01-15", session))
                .contains("id=\"ledger-empty\"")
                .doesNotContain("<code class=\"object-id\" data-raw>" + late.username() + "</code>");
        assertThat(page(filter + "&to=2027-01-13", session)).contains("id=\"ledger-empty\"");

        var csv = mvc.perform(get("/console/ledger/export.csv?action=account.created&object=" + id)
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(",2027-01-14T22:30:00-05:00,").contains("," + id + ",account.created,");
    }

    @Test
    void theDashboardAndTheTokensPageShowTheOrganizationsHourWithItsZone() throws Exception {
        var holder = person(Role.PRIVACY_OFFICER);
        lateEvening();
        var session = login(holder.username(), holder.password());
        var name = unique("late-token");
        tokens.issue(holder.id(), name, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);

        assertThat(page("/console/tokens", session)).contains(name).contains("2027-01-14 22:30 HNE");
        awaitLedgerEntry("account.signed-in", holder.id());
        assertThat(page("/console", session))
                .contains("datetime=\"2027-01-14T22:30:00-05:00\"")
                .contains("2027-01-14 22:30 HNE")
                .doesNotContain(" UTC");
        var tokensCsv = mvc.perform(get("/console/tokens/export.csv").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tokensCsv).contains(name).contains(",2027-01-14T22:30:00-05:00,");
    }
}
