package ca.gardien.complaints;

import ca.gardien.shared.OwnDataSchedule;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The schedule of complaint files, for the retention page ({@link ComplaintRetention}). */
@Component
class ComplaintKeeping implements OwnDataSchedule {

    private final ComplaintRetention retention;
    private final JdbcClient jdbc;
    private final Duration sweepEvery;

    ComplaintKeeping(
            ComplaintRetention retention,
            JdbcClient jdbc,
            @Value("${gardien.complaints.retention.sweep-every:1h}") Duration sweepEvery) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.sweepEvery = sweepEvery;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                200,
                "complaints.own-data",
                retention.keepFor(),
                "gardien.complaints.retention.keep-for",
                sweepEvery,
                retention.lastSweep(),
                jdbc.sql("SELECT COALESCE(SUM(destroyed), 0) FROM complaints_count")
                        .query(Long.class)
                        .single());
    }
}
