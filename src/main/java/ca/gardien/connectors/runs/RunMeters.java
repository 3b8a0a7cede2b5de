package ca.gardien.connectors.runs;

import ca.gardien.connectors.RunState;
import ca.gardien.shared.ProgramGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code gardien_connectors_runs_failed_recent}: connector runs that failed (after their retries) within the last
 * {@link #RECENT}: a person's export, rectification or erasure that did not happen and needs the officer.
 */
@Component
class RunMeters implements MeterBinder {

    static final Duration RECENT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    RunMeters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.connectors.runs.failed.recent",
                "Connector runs that failed within the last 24 hours",
                clock,
                () -> jdbc.sql("SELECT COUNT(*) FROM connectors_run WHERE status = ? AND updated_at >= ?")
                        .params(
                                StoredRun.column(RunState.FAILED),
                                Timestamp.from(clock.instant().minus(RECENT)))
                        .query(Long.class)
                        .single());
    }
}
