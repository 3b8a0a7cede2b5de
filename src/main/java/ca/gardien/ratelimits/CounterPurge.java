package ca.gardien.ratelimits;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the counters of ended windows, so that the table holds at most one window's worth of keys per limit. Each
 * node runs it; a second delete finds nothing, so no coordination is needed.
 */
@Component
class CounterPurge {

    private final JdbcClient jdbc;
    private final Clock clock;

    CounterPurge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${gardien.rate-limits.purge-every:10m}",
            initialDelayString = "${gardien.rate-limits.purge-every:10m}")
    int purge() {
        return jdbc.sql("DELETE FROM ratelimits_counter WHERE window_end <= ?")
                .param(WindowCounters.utc(clock.instant()))
                .update();
    }
}
