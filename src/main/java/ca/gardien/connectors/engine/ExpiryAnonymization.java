package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns anonymizing a table's rows replaces: those annotated with a category or an identity, except its key and
 * its trigger column; NULL, or the column's {@code FIXED:} value. Hashing and masking are pseudonymization, not
 * anonymization under the Regulation, so they are not used here.
 */
final class ExpiryAnonymization {

    /** A column replaced when a row is anonymized: {@code fixed} null means NULL. */
    private record Column(String name, String fixed) {}

    private final List<Column> columns = new ArrayList<>();

    private ExpiryAnonymization() {}

    static ExpiryAnonymization of(ReferenceGraph graph, DatabaseSchema.Table table, String trigger) {
        var out = new ExpiryAnonymization();
        var key = table.primaryKey();
        graph.annotations(table.name()).forEach((name, c) -> {
            var column = table.column(c.name()).map(DatabaseSchema.Column::name).orElse(null);
            if (column == null || key.contains(column) || column.equalsIgnoreCase(trigger)) return;
            if (c.category() != null || c.identity() != null) {
                var erasure = c.erasure();
                out.columns.add(new Column(
                        column, erasure != null && erasure.startsWith("FIXED:") ? erasure.substring(6) : null));
            }
        });
        return out;
    }

    boolean any() {
        return !columns.isEmpty();
    }

    /** {@code a = NULL, b = ?}: bind the fixed values with {@link #bind}. */
    String set(Sql sql) {
        var set = new StringBuilder();
        for (var a : columns) {
            set.append(set.isEmpty() ? "" : ", ")
                    .append(sql.name(a.name()))
                    .append(a.fixed() == null ? " = NULL" : " = ?");
        }
        return set.toString();
    }

    /** Rows not anonymized yet: one annotated column still differs from what anonymizing writes. */
    String pending(Sql sql) {
        var parts = new ArrayList<String>();
        for (var a : columns) {
            var c = sql.name(a.name());
            parts.add(a.fixed() == null ? c + " IS NOT NULL" : "(" + c + " IS NULL OR " + c + " <> ?)");
        }
        return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
    }

    /** Binds the fixed values of {@link #set} or {@link #pending} from parameter {@code i}; the next index. */
    int bind(PreparedStatement s, int i) throws SQLException {
        for (var a : columns) if (a.fixed() != null) s.setString(i++, a.fixed());
        return i;
    }
}
