package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
    private ExpiryHolds holds;
    private final List<String> key;
    private final int[] keyTypes;
    private final List<Anonymized> anonymized = new ArrayList<>();
    private List<String> readColumns;

    /** A column replaced when a row is anonymized: {@code fixed} null means NULL. */
    record Anonymized(String column, String fixed) {}

    public ExpiryTarget(
            ReferenceGraph graph, String table, String trigger, boolean anonymize, Map<String, Set<String>> held) {
        this.graph = graph;
        this.table = graph.table(table);
        this.trigger = this.table.column(trigger).orElseThrow().name();
        this.anonymize = anonymize;
        this.heldSubjects = held;
        this.key = this.table.primaryKey();
        this.keyTypes = key.stream()
                .mapToInt(c -> this.table.column(c).orElseThrow().sqlType())
                .toArray();
        graph.annotations(this.table.name()).forEach((name, c) -> {
            var column =
                    this.table.column(c.name()).map(DatabaseSchema.Column::name).orElse(null);
            if (column == null || key.contains(column) || column.equalsIgnoreCase(this.trigger)) return;
            if (c.category() != null || c.identity() != null) {
                var erasure = c.erasure();
                anonymized.add(new Anonymized(
                        column, erasure != null && erasure.startsWith("FIXED:") ? erasure.substring(6) : null));
            }
        });
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
        return !anonymized.isEmpty();
    }

    /** Reads, once per sweep, the keys of held persons' rows in the tables this one refers to. */
    public void prepare(Connection connection) throws SQLException {
        holds = ExpiryHolds.read(connection, graph, table.name(), heldSubjects);
        var columns = new LinkedHashSet<>(graph.joinColumns(table.name()));
        columns.addAll(holds.columns());
        readColumns = List.copyOf(columns);
    }

    List<String> readColumns() {
        return readColumns;
    }

    boolean held(Object[] row) {
        return holds.held(row, readColumns);
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
        if (anonymize) text.append(" AND (").append(pending(sql)).append(")");
        text.append(" ORDER BY ").append(sql.columns(key)).append(" LIMIT ").append(size);
        if (lock) text.append(lockClause(c));
        var rows = new ArrayList<Object[]>();
        try (var s = c.prepareStatement(text.toString())) {
            int i = 1;
            s.setTimestamp(i++, Timestamp.from(cutoff));
            if (after != null) i = bindKeyset(s, i, after);
            if (anonymize) bindPending(s, i);
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
                + (anonymize ? " AND (" + pending(sql) + ")" : "");
        try (var s = c.prepareStatement(text)) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            if (anonymize) bindPending(s, 2);
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
                + sql.matching(key, keys.size()) + (anonymize ? " AND (" + pending(sql) + ")" : "");
        try (var s = c.prepareStatement(text)) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            int i = 2;
            for (var k : keys) i = bindKey(s, i, k);
            if (anonymize) bindPending(s, i);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long anonymizeRows(Connection c, Sql sql, List<List<String>> keys) throws SQLException {
        var set = new StringBuilder();
        for (var a : anonymized) {
            set.append(set.isEmpty() ? "" : ", ")
                    .append(sql.name(a.column()))
                    .append(a.fixed() == null ? " = NULL" : " = ?");
        }
        var text = "UPDATE " + sql.name(table.name()) + " SET " + set + " WHERE " + sql.matching(key, keys.size());
        try (var s = c.prepareStatement(text)) {
            int i = 1;
            for (var a : anonymized) if (a.fixed() != null) s.setString(i++, a.fixed());
            for (var k : keys) i = bindKey(s, i, k);
            return s.executeUpdate();
        }
    }

    List<String> keyText(Object[] row) {
        return ExpiryBatch.project(row, readColumns, key).stream()
                .map(String::valueOf)
                .toList();
    }

    List<List<Object>> keyTuples(List<Object[]> rows) {
        return ExpiryBatch.tuples(rows, readColumns, key);
    }

    /** Rows not anonymized yet: one annotated column still differs from what anonymizing writes. */
    private String pending(Sql sql) {
        var parts = new ArrayList<String>();
        for (var a : anonymized) {
            var c = sql.name(a.column());
            parts.add(a.fixed() == null ? c + " IS NOT NULL" : "(" + c + " IS NULL OR " + c + " <> ?)");
        }
        return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
    }

    private int bindPending(PreparedStatement s, int i) throws SQLException {
        for (var a : anonymized) if (a.fixed() != null) s.setString(i++, a.fixed());
        return i;
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
            for (int m = 0; m <= n; m++) s.setObject(i++, after.get(m), keyTypes[m]);
        }
        return i;
    }

    private int bindKey(PreparedStatement s, int i, List<String> k) throws SQLException {
        for (int m = 0; m < key.size(); m++) s.setObject(i++, k.get(m), keyTypes[m]);
        return i;
    }

    private String lockClause(Connection c) throws SQLException {
        var product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres") || product.contains("mariadb") || product.contains("mysql")) {
            return " FOR UPDATE SKIP LOCKED";
        }
        return " FOR UPDATE";
    }
}
