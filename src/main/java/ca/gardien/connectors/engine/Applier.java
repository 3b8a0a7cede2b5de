package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.connectors.SecretBox;
import ca.gardien.connectors.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries out one batch of one step on the target database, in the caller's transaction. Every statement is
 * idempotent, so that a batch repeated after a crash (committed on the target, not yet checkpointed) changes nothing
 * twice: deletes and fixed values are naturally so, and a keyed hash is never hashed again.
 */
public final class Applier {

    static final String MASK = "***";
    public static final String HASHED = "kh:";

    private final ReferenceGraph graph;
    private final Sql sql;
    private final SecretBox box;

    Applier(ReferenceGraph graph, SecretBox box) {
        this.graph = graph;
        this.sql = new Sql(graph.schema().quote());
        this.box = box;
    }

    /** The key of a new value in a rectification: a column of one table. */
    static String target(String table, String column) {
        return table + "." + column;
    }

    /** A statement with its parameters (values and SQL types), run alone or with others in one round trip. */
    record Bound(String text, List<Object> values, List<Integer> types) {

        int bind(PreparedStatement s, int from) throws SQLException {
            int i = from;
            for (int k = 0; k < values.size(); k++, i++) {
                if (values.get(k) == null) s.setNull(i, types.get(k));
                else s.setObject(i, values.get(k), types.get(k));
            }
            return i;
        }
    }

    /** Applies the step to the rows with these primary keys; returns the rows the database changed. */
    int apply(Connection c, Step step, List<List<Object>> keys, Map<String, String> values) throws SQLException {
        int changed = hashes(step) ? hashColumns(c, step, keys) : 0;
        var plain = plain(step, keys, values);
        if (plain == null) {
            return changed;
        }
        try (var s = c.prepareStatement(plain.text())) {
            plain.bind(s, 1);
            return Math.max(changed, s.executeUpdate());
        }
    }

    /** Whether the step replaces a column by its keyed hash, which is read and written row by row. */
    static boolean hashes(Step step) {
        return step.strategies().contains("KEYED_HASH");
    }

    /** The step's one set-based statement (a delete, or an update of every column not hashed), or null if none. */
    Bound plain(Step step, List<List<Object>> keys, Map<String, String> values) {
        var table = graph.table(step.table());
        var params = new ArrayList<Object>();
        var types = new ArrayList<Integer>();
        String text;
        if ("DELETE".equals(step.kind())) {
            text = "DELETE FROM " + sql.name(table.name());
        } else {
            var sets = new ArrayList<String>();
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
                params.add(value);
                types.add(column.sqlType());
            }
            if (sets.isEmpty()) {
                return null;
            }
            text = "UPDATE " + sql.name(table.name()) + " SET " + String.join(", ", sets);
        }
        var keyTypes = keyTypes(table);
        for (var key : keys) {
            for (int k = 0; k < key.size(); k++) {
                params.add(key.get(k));
                types.add(keyTypes[k]);
            }
        }
        return new Bound(text + " WHERE " + sql.matching(table.primaryKey(), keys.size()), params, types);
    }

    /** Replaces the step's keyed-hash columns, row by row (never a value already hashed); returns the rows changed. */
    int hashColumns(Connection c, Step step, List<List<Object>> keys) throws SQLException {
        var table = graph.table(step.table());
        var where = " WHERE " + sql.matching(table.primaryKey(), keys.size());
        var types = keyTypes(table);
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

    private static int[] keyTypes(DatabaseSchema.Table table) {
        return table.primaryKey().stream()
                .mapToInt(k -> table.column(k).orElseThrow().sqlType())
                .toArray();
    }
}
