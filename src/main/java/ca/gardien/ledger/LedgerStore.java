package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL access to the ledger tables; the only class that knows their columns. */
@Repository
class LedgerStore {

    record Head(long lastSequence, String lastHash, long checkpointSequence, Instant checkpointAt) {}

    private static final String ENTRY_COLUMNS = "sequence, event_id, recorded_at, occurred_at, actor_kind, actor_id, "
            + "action, object_type, object_id, payload, prev_hash, hash";

    private static final String ENTRY_PARAMETERS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Whether the database runs {@link #appendInOneStatement}; found on first use (PostgreSQL only). */
    private final ca.gardien.shared.DatabaseProduct database;
    /** The statement of {@link #appendInOneStatement} for each batch size, built on first use. */
    private final Map<Integer, String> oneStatementSql = new ConcurrentHashMap<>();

    LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.database = ca.gardien.shared.DatabaseProduct.of(template); // the ledger module runs on its own too
        this.jdbc = jdbc;
        this.template = template;
    }

    Head head() {
        return jdbc.sql(
                        "SELECT last_sequence, last_hash, checkpoint_sequence, checkpoint_at FROM ledger_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2).trim(), rs.getLong(3), instant(rs, 4)))
                .single();
    }

    /**
     * Moves the head from {@code expected} to the new sequence and hash, and locks the row until the transaction ends:
     * this is what serializes writers across nodes. False when another node moved the head first.
     */
    boolean advanceHead(Head expected, long sequence, String hash) {
        return jdbc.sql("UPDATE ledger_head SET last_sequence = ?, last_hash = ? "
                                + "WHERE id = 1 AND last_sequence = ? AND last_hash = ?")
                        .params(sequence, hash, expected.lastSequence(), expected.lastHash())
                        .update()
                == 1;
    }

    /**
     * Whether {@link #appendInOneStatement} works here: PostgreSQL runs a data-modifying common table expression as one
     * atomic statement; H2 has none.
     */
    boolean appendsInOneStatement() {
        return database.postgres();
    }

    /**
     * {@link #advanceHead} and {@link #insert} in a single statement: one round trip, and outside a transaction a
     * commit of its own, as atomic and as durable as the two statements in a transaction. The entries are inserted
     * only if the head moved from {@code expected}; false (nothing written) when another node moved it first.
     */
    boolean appendInOneStatement(Head expected, List<LedgerEntry> entries) {
        var last = entries.getLast();
        var sql = oneStatementSql.computeIfAbsent(entries.size(), LedgerStore::oneStatementSql);
        int inserted = template.update(sql, ps -> {
            ps.setLong(1, last.sequence());
            ps.setString(2, last.hash());
            ps.setLong(3, expected.lastSequence());
            ps.setString(4, expected.lastHash());
            for (int i = 0; i < entries.size(); i++) {
                bind(ps, 4 + 12 * i, entries.get(i));
            }
        });
        return inserted == entries.size();
    }

    private static String oneStatementSql(int rows) {
        var sql = new StringBuilder("WITH moved AS (UPDATE ledger_head SET last_sequence = ?, last_hash = ?"
                        + " WHERE id = 1 AND last_sequence = ? AND last_hash = ? RETURNING id)"
                        + " INSERT INTO ledger_entry (")
                .append(ENTRY_COLUMNS)
                .append(") SELECT v.* FROM moved CROSS JOIN (VALUES ")
                .append(ENTRY_PARAMETERS);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(ENTRY_PARAMETERS);
        }
        return sql.append(") AS v").toString();
    }

    List<LedgerEntry> findByEventIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE event_id IN (:ids)")
                .param("ids", ids)
                .query(LedgerStore::entry)
                .list();
    }

    void insert(List<LedgerEntry> entries) {
        template.batchUpdate(
                "INSERT INTO ledger_entry (" + ENTRY_COLUMNS + ") VALUES " + ENTRY_PARAMETERS,
                entries,
                entries.size(),
                (ps, e) -> bind(ps, 0, e));
    }

    /** Binds an entry's twelve columns after the first {@code offset} parameters. */
    private static void bind(PreparedStatement ps, int offset, LedgerEntry e) throws SQLException {
        ps.setLong(offset + 1, e.sequence());
        ps.setObject(offset + 2, e.eventId());
        ps.setObject(offset + 3, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        ps.setObject(offset + 4, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        ps.setString(offset + 5, e.actor().kind().name());
        ps.setString(offset + 6, e.actor().id());
        ps.setString(offset + 7, e.action());
        ps.setString(offset + 8, e.objectType());
        ps.setString(offset + 9, e.objectId());
        ps.setString(offset + 10, e.payload());
        ps.setString(offset + 11, e.prevHash());
        ps.setString(offset + 12, e.hash());
    }

    List<LedgerEntry> page(long after, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM ledger_entry WHERE sequence > ? ORDER BY sequence")
                .params(after)
                .withMaxRows(limit)
                .query(LedgerStore::entry)
                .list();
    }

    /** One page of a search, {@code size + 1} entries (the extra one says a next page exists), keyset on sequence. */
    List<LedgerEntry> search(LedgerQuery q) {
        var search = LedgerSearchSql.of(q);
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM ledger_entry" + search.sql())
                .params(search.params())
                .query(LedgerStore::entry)
                .list();
    }

    /** The entries about one object, oldest first (index ledger_entry_object_idx). */
    List<LedgerEntry> about(String objectType, String objectId, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS
                        + " FROM ledger_entry WHERE object_type = ? AND object_id = ? ORDER BY sequence")
                .params(objectType, objectId)
                .withMaxRows(limit)
                .query(LedgerStore::entry)
                .list();
    }

    /**
     * Streams the entries with {@code from <= sequence <= to} in sequence order; the caller must be inside a transaction
     * for cursor-based fetching.
     */
    void forEachEntry(long from, long to, Consumer<LedgerEntry> consumer) {
        template.query(
                con -> {
                    var ps = con.prepareStatement("SELECT " + ENTRY_COLUMNS
                            + " FROM ledger_entry WHERE sequence >= ? AND sequence <= ? ORDER BY sequence");
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                    ps.setFetchSize(1000);
                    return ps;
                },
                rs -> {
                    consumer.accept(entry(rs, 0));
                });
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                instant(rs, 3),
                instant(rs, 4),
                new Actor(Actor.Kind.valueOf(rs.getString(5)), rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11).trim(),
                rs.getString(12).trim());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
