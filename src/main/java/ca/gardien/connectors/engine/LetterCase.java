package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.shared.IdentifierKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a lookup compares the values of a column. Email addresses match regardless of letter case: an identity column of
 * kind email, and every column a single-column reference joins to one (such as an undeclared
 * {@code support_ticket.customer_email → customer.email}), is compared as {@code LOWER(column)} with lower-cased
 * values — except on MariaDB and MySQL when the column's collation already ignores case ({@code _ci}): there the
 * plain comparison with lower-cased values does the same and keeps the column's index. A column annotated
 * {@code caseSensitive: true} is compared exactly, even under a {@code _ci} collation ({@code BINARY column}).
 */
final class LetterCase {

    enum Match {
        PLAIN,
        LOWER,
        EXACT
    }

    private final ReferenceGraph graph;
    private final boolean caseInsensitiveCollations;
    private final Set<String> emails = new HashSet<>();

    LetterCase(ReferenceGraph graph) {
        this.graph = graph;
        var product = graph.schema().product() == null ? "" : graph.schema().product();
        this.caseInsensitiveCollations = product.matches("(?i).*(mariadb|mysql).*");
        for (var identity : graph.identities()) {
            if (IdentifierKind.EMAIL.key().equals(identity.kind()))
                emails.add(key(identity.table(), identity.column()));
        }
        for (boolean grew = true; grew; ) { // a reference to an email column holds email addresses, and so on
            grew = false;
            for (var e : graph.edges()) {
                if (e.childColumns().size() != 1) continue;
                var child = key(e.child(), e.childColumns().getFirst());
                var parent = key(e.parent(), e.parentColumns().getFirst());
                if (emails.contains(parent) && emails.add(child)) grew = true;
                if (emails.contains(child) && emails.add(parent)) grew = true;
            }
        }
    }

    Match match(String table, String column) {
        var annotation = graph.annotation(table, column);
        if (annotation != null && Boolean.TRUE.equals(annotation.caseSensitive())) return Match.EXACT;
        return emails.contains(key(table, column)) ? Match.LOWER : Match.PLAIN;
    }

    /** Whether a lookup on these columns ignores letter case. */
    boolean folds(String table, List<String> columns) {
        return columns.stream().anyMatch(c -> match(table, c) == Match.LOWER);
    }

    /** The SQL a lookup compares for each column. */
    List<String> expressions(Sql sql, String table, List<String> columns) {
        var expressions = new ArrayList<String>(columns.size());
        for (var c : columns) {
            expressions.add(
                    switch (match(table, c)) {
                        case LOWER -> collationIgnoresCase(table, c) ? sql.name(c) : "LOWER(" + sql.name(c) + ")";
                        case EXACT ->
                            caseInsensitiveCollations && !collationKeepsCase(table, c)
                                    ? "BINARY " + sql.name(c)
                                    : sql.name(c);
                        case PLAIN -> sql.name(c);
                    });
        }
        return expressions;
    }

    /** The values to bind for a lookup on these columns: lower-cased where the column is compared in lower case. */
    List<Object> values(String table, List<String> columns, List<Object> tuple) {
        var values = new ArrayList<Object>(tuple.size());
        for (int i = 0; i < tuple.size(); i++) {
            var value = tuple.get(i);
            values.add(
                    value instanceof String s && match(table, columns.get(i)) == Match.LOWER
                            ? s.toLowerCase(Locale.ROOT)
                            : value);
        }
        return values;
    }

    /**
     * A warning when no index serves the lookup on these columns, naming the one that would; {@code null} when one
     * does. A case-insensitive lookup needs an index on {@code lower(column)}.
     */
    String unindexed(String table, List<String> columns, String why) {
        var t = graph.table(table);
        var lowered = columns.stream()
                .filter(c -> match(table, c) == Match.LOWER && !collationIgnoresCase(table, c))
                .toList();
        if (lowered.isEmpty() || (columns.size() == 1 && lowerIndexed(t, columns.getFirst()))) {
            if (t.indexed(columns) || !lowered.isEmpty()) return null;
            var note = folds(table, columns)
                    ? " (its collation ignores letter case: this plain index serves the case-insensitive lookup)"
                    : "";
            return "no index on " + table + "(" + String.join(",", columns) + ") for " + why
                    + ": each lookup scans the table" + note;
        }
        var column = lowered.getFirst();
        var remedy = caseInsensitiveCollations
                ? "a case-insensitive (_ci) collation on " + column + " would let a plain index on it serve"
                : "CREATE INDEX ON " + table + " (lower(" + column + ")) would serve it";
        return "no index supports the case-insensitive lookup on " + table + "(" + String.join(",", columns) + ") for "
                + why + ": each lookup scans the table; " + remedy;
    }

    /** An expression index whose first part is {@code lower(column)}, as PostgreSQL reports it. */
    private static boolean lowerIndexed(DatabaseSchema.Table table, String column) {
        var wanted = "lower" + column.toLowerCase(Locale.ROOT);
        return table.indexes().stream().anyMatch(i -> {
            var first = i.columns().getFirst().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_$]", "");
            return first.equals(wanted) || first.equals(wanted + "text");
        });
    }

    private boolean collationIgnoresCase(String table, String column) {
        var collation = collation(table, column);
        return collation != null && collation.toLowerCase(Locale.ROOT).endsWith("_ci");
    }

    private boolean collationKeepsCase(String table, String column) {
        var collation = collation(table, column);
        return collation != null && !collation.toLowerCase(Locale.ROOT).endsWith("_ci");
    }

    private String collation(String table, String column) {
        return graph.table(table)
                .column(column)
                .map(DatabaseSchema.Column::collation)
                .orElse(null);
    }

    private static String key(String table, String column) {
        return ReferenceGraph.key(table) + "." + ReferenceGraph.key(column);
    }
}
