package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.shared.Actor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consent table: insert and read, never update. Rows are deleted only by the keeping sweep ({@link
 * ConsentRetention}), a subject's whole history for a purpose at once.
 */
@Component
class ConsentRecords {

    /** A row as the decision index needs it. */
    record Row(UUID subject, String purpose, DecisionIndex.Latest latest) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ConsentRecords(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A record to append, by whom, and the event id of its ledger entry. */
    record Appended(ConsentRecord record, Actor actor, UUID ledgerEventId) {}

    private static final String INSERT =
            "INSERT INTO consent_record (id, subject_id, purpose_id, state, kind, given_by,"
                    + " channel, notice_version, age_band, form_id, ip_hash, user_agent_hash, language, gpc, recorded_at,"
                    + " valid_until, actor_kind, actor_id, ledger_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)";

    /** Appends the record and returns its sequence number. */
    long append(Appended row) {
        return appendAll(List.of(row))[0];
    }

    /**
     * Appends the records in one batch of statements (one round trip) and returns their sequence numbers, in order.
     */
    long[] appendAll(List<Appended> rows) {
        return Objects.requireNonNull(batches.execute((ConnectionCallback<long[]>) connection -> {
            try (var insert = connection.prepareStatement(INSERT, new String[] {"seq"})) {
                for (var row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
                var seqs = new long[rows.size()];
                int n = 0;
                try (var keys = insert.getGeneratedKeys()) {
                    while (keys.next() && n < seqs.length) {
                        seqs[n++] = keys.getLong(1);
                    }
                }
                if (n != seqs.length) {
                    throw new SQLException("expected " + seqs.length + " generated sequence numbers, got " + n);
                }
                return seqs;
            }
        }));
    }

    private static void bind(PreparedStatement insert, Appended row) throws SQLException {
        var r = row.record();
        var proof = r.evidence();
        Object[] values = {
            r.id(),
            r.subjectId(),
            r.purpose(),
            r.state().name(),
            r.kind().name(),
            r.givenBy().name(),
            r.channel().name(),
            r.noticeVersion(),
            r.ageBand() == null ? null : r.ageBand().name(),
            proof.formId(),
            proof.ipHash(),
            proof.userAgentHash(),
            proof.language(),
            proof.gpc(),
            utc(r.recordedAt()),
            utc(r.validUntil()),
            row.actor().kind().name(),
            row.actor().id(),
            row.ledgerEventId()
        };
        for (int i = 0; i < values.length; i++) {
            StatementCreatorUtils.setParameterValue(insert, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
        }
    }

    /** A stored record with the event id of its ledger entry. */
    record Stored(ConsentRecord record, UUID ledgerEventId) {}

    Optional<Stored> byId(UUID id) {
        return jdbc.sql("SELECT * FROM consent_record WHERE id = ?")
                .param(id)
                .query(ConsentRecords::stored)
                .optional();
    }

    /** A subject's whole history, oldest first (the latest record per purpose is the last one for it). */
    List<ConsentRecord> history(UUID subject) {
        return jdbc.sql("SELECT * FROM consent_record WHERE subject_id = ? ORDER BY seq")
                .param(subject)
                .query((rs, n) -> stored(rs, n).record())
                .list();
    }

    /** Every record, oldest first (for exports). */
    List<ConsentRecord> all() {
        return jdbc.sql("SELECT * FROM consent_record ORDER BY seq")
                .query((rs, n) -> stored(rs, n).record())
                .list();
    }

    /** One page of the history of all subjects ({@code size + 1} rows: the extra one says a next page exists). */
    List<ConsentQuery.Row> page(ConsentQuery q) {
        var sql =
                new StringBuilder("SELECT seq, recorded_at, purpose_id, state, kind, given_by, channel, notice_version,"
                        + " valid_until FROM consent_record WHERE 1 = 1");
        var params = new java.util.ArrayList<Object>();
        if (q.purpose() != null) {
            sql.append(" AND purpose_id = ?");
            params.add(q.purpose());
        }
        if (q.state() != null) {
            sql.append(" AND state = ?");
            params.add(q.state().name());
        }
        if (q.from() != null) {
            sql.append(" AND recorded_at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), java.time.ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" AND recorded_at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), java.time.ZoneOffset.UTC));
        }
        if (q.after() != null) {
            sql.append(q.ascending() ? " AND seq > ?" : " AND seq < ?");
            params.add(q.after());
        }
        sql.append(" ORDER BY seq").append(q.ascending() ? " ASC" : " DESC");
        sql.append(" FETCH FIRST ").append(q.size() + 1).append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new ConsentQuery.Row(
                        rs.getLong("seq"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("purpose_id"),
                        State.valueOf(rs.getString("state")),
                        ConsentTerms.Kind.valueOf(rs.getString("kind")),
                        ConsentTerms.GivenBy.valueOf(rs.getString("given_by")),
                        ConsentTerms.Channel.valueOf(rs.getString("channel")),
                        rs.getString("notice_version"),
                        instant(rs.getObject("valid_until", OffsetDateTime.class))))
                .list();
    }

    static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                new ConsentRecord(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("purpose_id"),
                        State.valueOf(rs.getString("state")),
                        ConsentTerms.Kind.valueOf(rs.getString("kind")),
                        ConsentTerms.GivenBy.valueOf(rs.getString("given_by")),
                        ConsentTerms.Channel.valueOf(rs.getString("channel")),
                        rs.getString("notice_version"),
                        rs.getString("age_band") == null
                                ? null
                                : ConsentTerms.AgeBand.valueOf(rs.getString("age_band")),
                        new ConsentRecord.Proof(
                                rs.getString("form_id"),
                                rs.getString("ip_hash"),
                                rs.getString("user_agent_hash"),
                                rs.getString("language"),
                                rs.getBoolean("gpc")),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("valid_until", OffsetDateTime.class))),
                rs.getObject("ledger_event_id", UUID.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Rows after the watermark, and the rows of the sequence numbers a poll skipped ({@code gaps}) that are here now. */
    List<Row> since(long watermark, List<Long> gaps) {
        var sql = new StringBuilder(
                "SELECT seq, id, subject_id, purpose_id, state, valid_until, recorded_at FROM consent_record WHERE seq > ?");
        if (!gaps.isEmpty()) {
            sql.append(" OR seq IN (").append(String.join(", ", java.util.Collections.nCopies(gaps.size(), "?")));
            sql.append(")");
        }
        return jdbc.sql(sql.append(" ORDER BY seq").toString())
                .param(watermark)
                .params(gaps)
                .query(ConsentRecords::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var until = rs.getObject("valid_until", OffsetDateTime.class);
        return new Row(
                rs.getObject("subject_id", UUID.class),
                rs.getString("purpose_id"),
                new DecisionIndex.Latest(
                        rs.getLong("seq"),
                        rs.getObject("id", UUID.class),
                        State.valueOf(rs.getString("state")),
                        until == null ? null : until.toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
