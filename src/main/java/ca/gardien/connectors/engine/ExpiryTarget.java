package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One table swept under a retention rule: its trigger column, whether its rows are anonymized or destroyed, and the
 * persons held ({@link ExpiryHolds}). Keys travel as text (checkpoints and pending batches are JSON) and are bound with their column's SQL type.
 */
public final class ExpiryTarget {

    private final ReferenceGraph graph;
    private final DatabaseSchema.Table table;
    private final String trigger;
    private final boolean anonymize;
    private final Map<String, Set<String>> heldSubjects;
    private final Set<String> heldTables;
    private final boolean[] unsignedKey;
    private ExpiryHolds holds = ExpiryHolds.none();
    private final List<String> key;
    private final int[] keyTypes;
    private final ExpiryAnonymization anonymized;

    public ExpiryTarget(
            ReferenceGraph graph,
            String table,
            String trigger,
            boolean anonymize,
            Map<String, Set<String>> held,
            Set<String> heldTables) {
        this.graph = graph;
        this.table = graph.table(table);
        this.trigger = this.table.column(trigger).orElseThrow().name();
        this.anonymize = anonymize;
        this.heldSubjects = held;
        this.heldTables = heldTables;
        this.key = this.table.primaryKey();
        this.keyTypes = key.stream()
                .mapToInt(c -> this.table.column(c).orElseThrow().sqlType())
                .toArray();
        this.unsignedKey = new boolean[key.size()];
        for (int i = 0; i < key.size(); i++) {
            var type = this.table.column(key.get(i)).orElseThrow().type();
            unsignedKey[i] =
                    type != null && type.toUpperCase(java.util.Locale.ROOT).contains("UNSIGNED");
        }
        this.anonymized = ExpiryAnonymization.of(graph, this.table, this.trigger);
    }

    ReferenceGraph graph() {
        return graph;
    }

    DatabaseSchema.Table table() {
        return table;
    }

    boolean anonymize() {
        return anonymize;
    }

    /** Whether anonymizing this table changes anything (it has annotated columns besides its key and trigger). */
    public boolean anonymizable() {
        return anonymized.any();
    }

    /** Reads the held persons' rows (as an erasure of each would find them); again whenever the holds change. */
    public void prepare(Connection connection, int batch) throws SQLException {
        holds = ExpiryHolds.read(connection, graph, heldSubjects, heldTables, batch);
    }

    List<String> readColumns() {
        return graph.joinColumns(table.name());
    }

    ExpiryHolds holds() {
        return holds;
    }

    boolean held(Object[] row) {
        return holds.held(table.name(), keyText(row));
    }

    /** Why this table cannot be swept, as a message key of {@code connectors.field.*}, or null. */
    public String refusal() {
        return ExpiryChecks.refusal(graph, table, anonymize);
    }

    /** The next rows past {@code after}, in key order, their trigger older than the cutoff (locked unless reading). */
    List<Object[]> select(
            Connection c, Sql sql, List<String> columns, List<String> after, int size, Instant cutoff, boolean lock)
            throws SQLException {
        var text = new StringBuilder("SELECT ")
                .append(sql.columns(columns))
                .append(" FROM ")
                .append(sql.name(table.name()))
                .append(" WHERE ")
                .append(sql.name(trigger))
                .append(" < ?");
        if (after != null) text.append(" AND (").append(keyset(sql)).append(")");
        if (anonymize) text.append(" AND (").append(anonymized.pending(sql)).append(")");
        text.append(" ORDER BY ").append(sql.columns(key)).append(" LIMIT ").append(size);
        if (lock) text.append(lockClause(c));
        var rows = new ArrayList<Object[]>();
        try (var s = c.prepareStatement(text.toString())) {
            int i = 1;
            s.setTimestamp(i++, Timestamp.from(cutoff));
            if (after != null) i = bindKeyset(s, i, after);
            if (anonymize) anonymized.bind(s, i);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var row = new Object[columns.size()];
                    for (int n = 0; n < row.length; n++) row[n] = rs.getObject(n + 1);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** How many rows are expired now (the sweep's estimate). */
    public long expired(Connection c, Instant cutoff) throws SQLException {
        var sql = new Sql(graph.schema().quote());
        var text = "SELECT COUNT(*) FROM " + sql.name(table.name()) + " WHERE " + sql.name(trigger) + " < ?"
                + (anonymize ? " AND (" + anonymized.pending(sql) + ")" : "");
        try (var s = c.prepareStatement(text)) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            if (anonymize) anonymized.bind(s, 2);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many of these rows are still there to sweep: none when their batch committed, all when it did not. */
    public long remaining(Connection c, Instant cutoff, List<List<String>> keys) throws SQLException {
        if (keys.isEmpty()) return 0;
        var sql = new Sql(graph.schema().quote());
        var text = "SELECT COUNT(*) FROM " + sql.name(table.name()) + " WHERE " + sql.name(trigger) + " < ? AND "
                + sql.matching(key, keys.size()) + (anonymize ? " AND (" + anonymized.pending(sql) + ")" : "");
        try (var s = c.prepareStatement(text)) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            int i = 2;
            for (var k : keys) i = bindKey(s, i, k);
            if (anonymize) anonymized.bind(s, i);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long anonymizeRows(Connection c, Sql sql, List<List<String>> keys) throws SQLException {
        var text = "UPDATE " + sql.name(table.name()) + " SET " + anonymized.set(sql) + " WHERE "
                + sql.matching(key, keys.size());
        try (var s = c.prepareStatement(text)) {
            int i = anonymized.bind(s, 1);
            for (var k : keys) i = bindKey(s, i, k);
            return s.executeUpdate();
        }
    }

    List<String> keyText(Object[] row) {
        return ExpiryRows.project(row, readColumns(), key).stream()
                .map(String::valueOf)
                .toList();
    }

    List<List<Object>> keyTuples(List<Object[]> rows) {
        return ExpiryRows.tuples(rows, readColumns(), key);
    }

    /** {@code (a > ?) OR (a = ? AND b > ?)}: the rows after a key, in key order. */
    private String keyset(Sql sql) {
        var or = new ArrayList<String>();
        for (int n = 0; n < key.size(); n++) {
            var and = new ArrayList<String>();
            for (int m = 0; m < n; m++) and.add(sql.name(key.get(m)) + " = ?");
            and.add(sql.name(key.get(n)) + " > ?");
            or.add("(" + String.join(" AND ", and) + ")");
        }
        return String.join(" OR ", or);
    }

    private int bindKeyset(PreparedStatement s, int i, List<String> after) throws SQLException {
        for (int n = 0; n < key.size(); n++) {
            for (int m = 0; m <= n; m++) bindKeyValue(s, i++, m, after.get(m));
        }
        return i;
    }

    private int bindKey(PreparedStatement s, int i, List<String> k) throws SQLException {
        for (int m = 0; m < key.size(); m++) bindKeyValue(s, i++, m, k.get(m));
        return i;
    }

    /** A key value from its text: an unsigned BIGINT may pass the signed range, so it goes as a decimal. */
    private void bindKeyValue(PreparedStatement s, int i, int column, String text) throws SQLException {
        if (unsignedKey[column]) {
            s.setBigDecimal(i, new java.math.BigDecimal(text));
        } else {
            s.setObject(i, text, keyTypes[column]);
        }
    }

    private String lockClause(Connection c) throws SQLException {
        var product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres") || product.contains("mariadb") || product.contains("mysql")) {
            return " FOR UPDATE SKIP LOCKED";
        }
        return " FOR UPDATE";
    }
}
