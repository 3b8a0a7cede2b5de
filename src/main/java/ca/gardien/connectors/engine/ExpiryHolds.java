package ca.gardien.connectors.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a sweep must keep, as the tables of one connector see them. A held person's rows are the rows an erasure
 * of that person would reach — found the same way, by walking the reference graph from their identifiers (emails
 * compared without letter case as the erasure does): their own rows, the rows below them, and the parents that
 * identify them. A held table keeps every row. Read once per sweep and again whenever the holds change.
 */
public final class ExpiryHolds {

    private final Map<String, Set<List<String>>> keys = new HashMap<>();
    private final Set<String> tables = new HashSet<>();

    private ExpiryHolds() {}

    /** Nothing held. */
    public static ExpiryHolds none() {
        return new ExpiryHolds();
    }

    /**
     * @param subjects held persons' identifiers by kind (email, customerNumber …)
     * @param heldTables tables held whole
     */
    static ExpiryHolds read(
            Connection connection,
            ReferenceGraph graph,
            Map<String, Set<String>> subjects,
            Set<String> heldTables,
            int batch)
            throws SQLException {
        var holds = new ExpiryHolds();
        heldTables.forEach(t -> holds.tables.add(ReferenceGraph.key(t)));
        for (var kind : subjects.entrySet()) {
            for (var value : kind.getValue()) {
                Collector.Sink sink = (table, labels, rows) -> {
                    int width = graph.table(table).primaryKey().size();
                    var set = holds.keys.computeIfAbsent(ReferenceGraph.key(table), k -> new HashSet<>());
                    for (var row : rows) {
                        var key = new java.util.ArrayList<String>(width);
                        for (int i = 0; i < width; i++) key.add(String.valueOf(row[i]));
                        set.add(key);
                    }
                };
                new Collector(graph, connection, batch, false, sink).collect(Map.of(kind.getKey(), value), null);
            }
        }
        return holds;
    }

    /** Whether this row of this table is held. */
    boolean held(String table, List<String> key) {
        var k = ReferenceGraph.key(table);
        return tables.contains(k) || keys.getOrDefault(k, Set.of()).contains(key);
    }

    /** Whether anything in this table may be held: its rows must then be read, not deleted by reference. */
    boolean involves(String table) {
        var k = ReferenceGraph.key(table);
        return tables.contains(k) || keys.containsKey(k);
    }

    boolean any() {
        return !tables.isEmpty() || !keys.isEmpty();
    }
}
