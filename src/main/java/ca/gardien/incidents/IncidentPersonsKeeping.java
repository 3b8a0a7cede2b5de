package ca.gardien.incidents;

import ca.gardien.shared.OwnDataSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The schedule of the addresses of the persons an incident concerns, for the retention page: no period, each address
 * is erased when its notice leaves through the mail server, when the officer records how the notices held in the
 * outbox were transmitted ({@link PersonsTransmissions}), or when the officer marks the notices done ({@link
 * IncidentPersons}); the count is of addresses erased.
 */
@Component
class IncidentPersonsKeeping implements OwnDataSchedule {

    private final JdbcClient jdbc;

    IncidentPersonsKeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                300,
                "incidents.own-data",
                null,
                null,
                null,
                null,
                jdbc.sql("SELECT COUNT(*) FROM incident_person WHERE email_sealed IS NULL")
                        .query(Long.class)
                        .single());
    }
}
