package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deadline gauges operators alert on count a request overdue once its due day has ended where it was filed. */
class RequestMetersTest extends RequestsTestSupport {

    @Autowired
    RequestMeters meters;

    @Autowired
    Deadlines deadlines;

    @Test
    void countsARequestOverdueOnlyOnceItsDueDayHasEndedInItsJurisdiction() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var due = dueOn(id);
        var zone = deadlines.zone("QC");
        var lastMinuteOfDueDay =
                due.plusDays(1).atStartOfDay(zone).minusMinutes(1).toInstant();
        var firstMinuteAfter = due.plusDays(1).atStartOfDay(zone).plusMinutes(1).toInstant();
        var nextDayInUtc = due.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC); // still the due day in Québec

        assertThat(meters.count(firstMinuteAfter, 0) - meters.count(lastMinuteOfDueDay, 0))
                .as("the request turns overdue at midnight in its jurisdiction")
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.count(nextDayInUtc, 0))
                .as("not at midnight UTC")
                .isEqualTo(meters.count(lastMinuteOfDueDay, 0));
        assertThat(meters.count(lastMinuteOfDueDay, RequestMeters.SOON_DAYS)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void stopsCountingARequestOnceItIsClosed() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var late = dueOn(id).plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        var open = meters.count(late, 0);

        jdbc.sql("UPDATE requests_request SET status = 'CLOSED' WHERE id = ?")
                .param(id)
                .update();

        assertThat(meters.count(late, 0)).isEqualTo(open - 1);
    }

    private LocalDate dueOn(UUID id) {
        return jdbc.sql("SELECT due_on FROM requests_request WHERE id = ?")
                .param(id)
                .query(LocalDate.class)
                .single();
    }
}
