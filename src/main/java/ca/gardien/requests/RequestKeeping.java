package ca.gardien.requests;

import ca.gardien.shared.OwnDataSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The schedule of a request's personal information, for the retention page ({@link RequestRetention}). */
@Component
class RequestKeeping implements OwnDataSchedule {

    private final RequestRetention retention;
    private final RequestsProperties properties;
    private final JdbcClient jdbc;

    RequestKeeping(RequestRetention retention, RequestsProperties properties, JdbcClient jdbc) {
        this.retention = retention;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                100,
                "requests.own-data",
                properties.retention().keepFor(),
                "gardien.requests.retention.keep-for",
                properties.retention().sweepEvery(),
                retention.lastSweep(),
                jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE purged_at IS NOT NULL")
                        .query(Long.class)
                        .single());
    }
}
