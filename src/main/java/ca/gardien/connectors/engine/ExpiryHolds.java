package ca.gardien.connectors.engine;

import ca.gardien.shared.IdentifierKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The persons held (legal holds by subject) as one swept table sees them. A row is held when one of its identity
 * columns holds a held identifier, or when it refers (by a followed reference) to a row of a table whose identity
 * column does — an order of a held customer. The parents' keys are read once per sweep.
 */
final class ExpiryHolds {

    private record Direct(String column, boolean folded, Set<String> values) {}

    private record Parent(List<String> childColumns, Set<List<String>> tuples) {}

    private final List<Direct> direct = new ArrayList<>();
    private final List<Parent> parents = new ArrayList<>();

    private ExpiryHolds() {}

    /** The columns a row must be read with for {@link #held} to decide. */
    List<String> columns() {
        return direct.stream().map(Direct::column).toList();
    }

    /** Reads, once per sweep, the keys of held persons' rows in the tables {@code table} refers to. */
    static ExpiryHolds read(Connection connection, ReferenceGraph graph, String table, Map<String, Set<String>> held)
            throws SQLException {
        var holds = new ExpiryHolds();
        var sql = new Sql(graph.schema().quote());
        for (var identity : graph.identities()) {
            var values = held.getOrDefault(identity.kind(), Set.of());
            if (values.isEmpty()) continue;
            boolean folded = IdentifierKind.EMAIL.key().equals(identity.kind());
            var compared = folded ? lower(values) : values;
            if (identity.table().equalsIgnoreCase(table)) {
                holds.direct.add(new Direct(identity.column(), folded, compared));
                continue;
            }
            for (var e : graph.edges()) {
                if (!e.follow() || !e.child().equalsIgnoreCase(table)) continue;
                if (!e.parent().equalsIgnoreCase(identity.table())) continue;
                var column = sql.name(identity.column());
                var text = "SELECT " + sql.columns(e.parentColumns()) + " FROM " + sql.name(e.parent()) + " WHERE "
                        + Sql.compare(List.of(folded ? "LOWER(" + column + ")" : column), compared.size());
                var tuples = new HashSet<List<String>>();
                try (var s = connection.prepareStatement(text)) {
                    Sql.bind(
                            s, 1, compared.stream().map(v -> List.<Object>of(v)).toList());
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            var tuple = new ArrayList<String>();
                            for (int i = 1; i <= e.parentColumns().size(); i++) tuple.add(rs.getString(i));
                            tuples.add(tuple);
                        }
                    }
                }
                holds.parents.add(new Parent(e.childColumns(), tuples));
            }
        }
        return holds;
    }

    boolean held(Object[] row, List<String> readColumns) {
        for (var d : direct) {
            var value = row[readColumns.indexOf(d.column())];
            if (value != null) {
                var text = value.toString();
                if (d.values().contains(d.folded() ? text.toLowerCase(Locale.ROOT) : text)) return true;
            }
        }
        for (var p : parents) {
            var tuple = new ArrayList<String>();
            for (var c : p.childColumns()) {
                var v = ExpiryBatch.project(row, readColumns, List.of(c)).getFirst();
                tuple.add(v == null ? null : v.toString());
            }
            if (p.tuples().contains(tuple)) return true;
        }
        return false;
    }

    private static Set<String> lower(Set<String> values) {
        var out = new HashSet<String>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }
}
