package ca.gardien.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code gardien_events_incomplete}: module events whose listener has not finished a minute after publication (a mail
 * that cannot be sent, a connector request not dispatched). Completed publications are deleted, so every row left
 * that old is work that failed and waits for the restart that republishes it.
 */
@Component
class EventMeters implements MeterBinder {

    static final Duration GRACE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    EventMeters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.events.incomplete",
                "Module events whose listener has not completed a minute after publication",
                clock,
                () -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                                + " WHERE completion_date IS NULL AND publication_date < ?")
                        .param(Timestamp.from(clock.instant().minus(GRACE)))
                        .query(Long.class)
                        .single());
    }
}
