package ca.gardien.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL access to the signed checkpoints and their RFC 3161 timestamp tokens. */
@Repository
class LedgerCheckpoints {

    private static final String QUERY = "SELECT c.sequence, c.head_hash, c.signed_at, c.key_id, c.public_key, "
            + "c.signature, t.token FROM ledger_checkpoint c "
            + "LEFT JOIN ledger_checkpoint_timestamp t ON t.sequence = c.sequence";

    private final JdbcClient jdbc;

    LedgerCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the checkpoint and records it in the head row, in the caller's transaction. */
    void insert(Checkpoint c) {
        jdbc.sql("INSERT INTO ledger_checkpoint (sequence, head_hash, signed_at, key_id, public_key, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(c.sequence(), c.headHash(), utc(c.signedAt()), c.keyId(), c.publicKeyPem(), c.signature())
                .update();
        jdbc.sql("UPDATE ledger_head SET checkpoint_sequence = ?, checkpoint_at = ? WHERE id = 1")
                .params(c.sequence(), utc(c.signedAt()))
                .update();
    }

    /** Stores the token an authority gave for a committed checkpoint (a table of its own: checkpoints never change). */
    void insertTimestamp(long sequence, String token) {
        jdbc.sql("INSERT INTO ledger_checkpoint_timestamp (sequence, token) VALUES (?, ?)")
                .params(sequence, token)
                .update();
    }

    /** The checkpoints up to {@code sequence}, ascending. */
    List<Checkpoint> upTo(long sequence) {
        return jdbc.sql(QUERY + " WHERE c.sequence <= ? ORDER BY c.sequence")
                .params(sequence)
                .query(LedgerCheckpoints::checkpoint)
                .list();
    }

    /** The checkpoints with {@code from < sequence <= to}, ascending. */
    List<Checkpoint> between(long from, long to) {
        return jdbc.sql(QUERY + " WHERE c.sequence > ? AND c.sequence <= ? ORDER BY c.sequence")
                .params(from, to)
                .query(LedgerCheckpoints::checkpoint)
                .list();
    }

    Optional<Checkpoint> at(long sequence) {
        return jdbc.sql(QUERY + " WHERE c.sequence = ?")
                .params(sequence)
                .query(LedgerCheckpoints::checkpoint)
                .optional();
    }

    /** Only the newest: dashboards must not read every checkpoint ever signed. */
    Optional<Checkpoint> last() {
        return jdbc.sql(QUERY + " ORDER BY c.sequence DESC")
                .withMaxRows(1)
                .query(LedgerCheckpoints::checkpoint)
                .optional();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        var signedAt = rs.getObject(3, OffsetDateTime.class);
        return new Checkpoint(
                rs.getLong(1),
                rs.getString(2).trim(),
                signedAt.toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
