package ca.gardien.connectors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries out one batch of one step on the target database, in the caller's transaction. Every statement is
 * idempotent, so that a batch repeated after a crash (committed on the target, not yet checkpointed) changes nothing
 * twice: deletes and fixed values are naturally so, and a keyed hash is never hashed again.
 */
final class Applier {

    static final String MASK = "***";
    static final String HASHED = "kh:";

    private final ReferenceGraph graph;
    private final Sql sql;
    private final SecretBox box;

    Applier(ReferenceGraph graph, SecretBox box) {
        this.graph = graph;
        this.sql = new Sql(graph.schema().quote());
        this.box = box;
    }

    /** Applies the step to the rows with these primary keys; returns the rows the database changed. */
    /** The key of a new value in a rectification: a column of one table. */
    static String target(String table, String column) {
        return table + "." + column;
    }

    int apply(Connection c, Step step, List<List<Object>> keys, Map<String, String> values) throws SQLException {
        var table = graph.table(step.table());
        var where = " WHERE " + sql.matching(table.primaryKey(), keys.size());
        var types = table.primaryKey().stream()
                .mapToInt(k -> table.column(k).orElseThrow().sqlType())
                .toArray();
        if ("DELETE".equals(step.kind())) {
            try (var s = c.prepareStatement("DELETE FROM " + sql.name(table.name()) + where)) {
                Sql.bind(s, 1, keys, types);
                return s.executeUpdate();
            }
        }
        int changed = hashColumns(c, step, keys, types, where);
        var sets = new ArrayList<String>();
        var params = new ArrayList<Object[]>();
        for (int i = 0; i < step.columns().size(); i++) {
            var column = table.column(step.columns().get(i)).orElseThrow();
            var strategy = step.strategies().get(i);
            if ("KEYED_HASH".equals(strategy)) continue;
            Object value = switch (strategy) {
                case "VALUE" -> values.get(target(table.name(), column.name()));
                case "MASK" -> column.character() ? MASK : null;
                case "SET_NULL" -> null;
                default -> strategy.startsWith("FIXED:") ? strategy.substring(6) : null;
            };
            sets.add(sql.name(column.name()) + " = ?");
            params.add(new Object[] {value, column.sqlType()});
        }
        if (sets.isEmpty()) {
            return changed;
        }
        try (var s =
                c.prepareStatement("UPDATE " + sql.name(table.name()) + " SET " + String.join(", ", sets) + where)) {
            int i = 1;
            for (var p : params) {
                if (p[0] == null) s.setNull(i++, (int) p[1]);
                else s.setObject(i++, p[0], (int) p[1]);
            }
            Sql.bind(s, i, keys, types);
            return Math.max(changed, s.executeUpdate());
        }
    }

    private int hashColumns(Connection c, Step step, List<List<Object>> keys, int[] types, String where)
            throws SQLException {
        var table = graph.table(step.table());
        var hashed = new ArrayList<DatabaseSchema.Column>();
        for (int i = 0; i < step.columns().size(); i++) {
            if ("KEYED_HASH".equals(step.strategies().get(i))) {
                hashed.add(table.column(step.columns().get(i)).orElseThrow());
            }
        }
        int changed = 0;
        var pk = table.primaryKey();
        for (var column : hashed) {
            var select = "SELECT " + sql.columns(pk) + ", " + sql.name(column.name()) + " FROM "
                    + sql.name(table.name()) + where;
            var update = "UPDATE " + sql.name(table.name()) + " SET " + sql.name(column.name()) + " = ? WHERE "
                    + sql.matching(pk, 1);
            try (var read = c.prepareStatement(select);
                    var write = c.prepareStatement(update)) {
                Sql.bind(read, 1, keys, types);
                try (var rs = read.executeQuery()) {
                    while (rs.next()) {
                        var old = rs.getString(pk.size() + 1);
                        if (old == null || old.startsWith(HASHED)) continue; // already erased: never hash twice
                        write.setString(1, hash(old, column.size()));
                        for (int k = 0; k < pk.size(); k++) write.setObject(k + 2, rs.getObject(k + 1));
                        write.addBatch();
                        changed++;
                    }
                }
                write.executeBatch();
            }
        }
        return changed;
    }

    String hash(String value, int size) {
        var hex = HASHED + box.keyedHash(value);
        return size > HASHED.length() && size < hex.length() ? hex.substring(0, size) : hex;
    }
}
