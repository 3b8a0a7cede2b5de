package ca.gardien.consent;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts the latest record of every subject and purpose by state, in the database. */
@Component
class ConsentRates {

    private final JdbcClient jdbc;

    ConsentRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ConsentReports.PurposeRate> now(Instant now) {
        return asOf(now, null);
    }

    /**
     * The counts as they stood at {@code then}, judged at {@code then}: only the records made by then count, and a
     * grant lapsed by then counts as expired.
     */
    List<ConsentReports.PurposeRate> then(Instant then) {
        return asOf(then, then);
    }

    private List<ConsentReports.PurposeRate> asOf(Instant now, Instant recordedBy) {
        var byThen = recordedBy == null ? "" : " AND r.recorded_at <= :by";
        var laterByThen = recordedBy == null ? "" : " AND n.recorded_at <= :by";
        return jdbc.sql("SELECT r.purpose_id,"
                        + " SUM(CASE WHEN r.state = 'GRANTED' AND (r.valid_until IS NULL OR r.valid_until > :now)"
                        + " THEN 1 ELSE 0 END) AS granted,"
                        + " SUM(CASE WHEN r.state = 'REFUSED' THEN 1 ELSE 0 END) AS refused,"
                        + " SUM(CASE WHEN r.state = 'WITHDRAWN' THEN 1 ELSE 0 END) AS withdrawn,"
                        + " SUM(CASE WHEN r.state = 'EXPIRED' OR (r.state = 'GRANTED' AND r.valid_until <= :now)"
                        + " THEN 1 ELSE 0 END) AS expired"
                        + " FROM consent_record r WHERE NOT EXISTS (SELECT 1 FROM consent_record n"
                        + " WHERE n.subject_id = r.subject_id AND n.purpose_id = r.purpose_id AND n.seq > r.seq"
                        + laterByThen + ")" + byThen
                        + " GROUP BY r.purpose_id ORDER BY r.purpose_id")
                .param("now", ConsentRecords.utc(now))
                .param("by", recordedBy == null ? null : ConsentRecords.utc(recordedBy))
                .query((rs, n) -> new ConsentReports.PurposeRate(
                        rs.getString("purpose_id"),
                        rs.getLong("granted"),
                        rs.getLong("refused"),
                        rs.getLong("withdrawn"),
                        rs.getLong("expired")))
                .list();
    }
}
