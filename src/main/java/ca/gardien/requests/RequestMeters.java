package ca.gardien.requests;

import ca.gardien.shared.ProgramGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The request deadlines operators alert on: {@code gardien_requests_overdue} (open requests whose due date has passed:
 * the legal clock ran out), {@code gardien_requests_due_soon} (open requests due within {@link #SOON_DAYS} days) and
 * {@code gardien_requests_deemed_refused_recent} (requests the clock turned into a refusal, P-39.1 s. 32, within the
 * last 30 days: a Québec request is deemed refused, not left overdue, once its due day has ended).
 */
@Component
class RequestMeters implements MeterBinder {

    static final int SOON_DAYS = 7;
    static final Duration RECENT = Duration.ofDays(30);
    private static final String OPEN =
            "status IN ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'RESPONSE_DRAFTED', 'APPROVED')";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Clock clock;

    RequestMeters(JdbcClient jdbc, Deadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.requests.overdue",
                "Open rights requests whose legal due date has passed",
                clock,
                () -> count(clock.instant(), 0));
        ProgramGauges.register(
                registry,
                "gardien.requests.due.soon",
                "Open rights requests due within 7 days",
                clock,
                () -> count(clock.instant(), SOON_DAYS));
        ProgramGauges.register(
                registry,
                "gardien.requests.deemed.refused.recent",
                "Requests deemed refused (no answer by the due date) within the last 30 days",
                clock,
                () -> deemedRefusedSince(clock.instant().minus(RECENT)));
    }

    long deemedRefusedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE status = 'DEEMED_REFUSED' AND updated_at >= ?")
                .param(Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /**
     * With {@code days} 0, the open requests past due at {@code now}; otherwise those due from today to {@code days}
     * days ahead. "Today" is the day in each request's jurisdiction, as its deadline is.
     */
    long count(Instant now, int days) {
        var latestToday = LocalDate.ofInstant(now, ZoneOffset.MAX);
        return jdbc
                .sql("SELECT jurisdiction, due_on FROM requests_request WHERE due_on <= ? AND " + OPEN)
                .param(latestToday.plusDays(days))
                .query((rs, n) -> {
                    var today = deadlines.dayOf(rs.getString(1), now);
                    var due = rs.getObject(2, LocalDate.class);
                    return days == 0 ? due.isBefore(today) : !due.isBefore(today) && !due.isAfter(today.plusDays(days));
                })
                .list()
                .stream()
                .filter(Boolean::booleanValue)
                .count();
    }
}
