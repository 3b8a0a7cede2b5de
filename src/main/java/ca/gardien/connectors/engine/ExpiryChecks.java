package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import java.util.List;
import java.util.Set;

/** What makes a table unfit for a retention sweep, checked before anything runs. */
final class ExpiryChecks {

    private ExpiryChecks() {}

    /**
     * Why this table cannot be swept, as a message key of {@code connectors.field.*}, or null: a key whose values do
     * not survive a round trip through text (binary, bit, floating point), a personal key under anonymization, a link
     * that cannot be nulled below a destroyed row.
     */
    static String refusal(ReferenceGraph graph, DatabaseSchema.Table table, boolean anonymize) {
        var key = table.primaryKey();
        for (var c : key) {
            var column = table.column(c).orElseThrow();
            if (!KEY_TYPES.contains(column.sqlType())
                    && !(column.sqlType() == java.sql.Types.OTHER && "uuid".equalsIgnoreCase(column.type()))) {
                return "expiry-key-type";
            }
            var annotation = graph.annotation(table.name(), c);
            if (anonymize && annotation != null && (annotation.category() != null || annotation.identity() != null)) {
                return "expiry-key-personal";
            }
        }
        if (!anonymize) {
            var below = new java.util.LinkedHashSet<String>(List.of(ReferenceGraph.key(table.name())));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (var e : graph.edges()) {
                    if (e.follow()
                            && below.contains(ReferenceGraph.key(e.parent()))
                            && below.add(ReferenceGraph.key(e.child()))) grew = true;
                }
            }
            for (var e : graph.edges()) {
                if (!below.contains(ReferenceGraph.key(e.parent()))) continue;
                boolean link = (!e.follow() || ReferenceGraph.key(e.child()).equals(ReferenceGraph.key(e.parent())))
                        && (e.strategy() == null || !e.strategy().startsWith("FIXED:"));
                if (link
                        && e.childColumns().stream()
                                .anyMatch(c -> !graph.table(e.child())
                                        .column(c)
                                        .orElseThrow()
                                        .nullable())) {
                    return "expiry-link-not-null";
                }
            }
        }
        return null;
    }

    private static final Set<Integer> KEY_TYPES = Set.of(
            java.sql.Types.TINYINT,
            java.sql.Types.SMALLINT,
            java.sql.Types.INTEGER,
            java.sql.Types.BIGINT,
            java.sql.Types.DECIMAL,
            java.sql.Types.NUMERIC,
            java.sql.Types.CHAR,
            java.sql.Types.VARCHAR,
            java.sql.Types.NCHAR,
            java.sql.Types.NVARCHAR,
            java.sql.Types.DATE,
            java.sql.Types.TIMESTAMP,
            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
}
