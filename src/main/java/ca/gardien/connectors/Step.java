package ca.gardien.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a run, in order. {@code kind}: EXPORT (read the table's rows), LINK (rewrite references to erased rows),
 * ANONYMIZE (rewrite the annotated columns, keep the row), BREAK_CYCLE (null a reference that closes a cycle),
 * DELETE (children before parents), RECTIFY (set a column to its corrected value). {@code slot} names the key set the
 * step acts on: a table's rows, or (for LINK) the rows linking to them.
 */
public record Step(
        int order,
        String kind,
        String table,
        List<String> columns,
        List<String> strategies,
        String via,
        int slot,
        long rows) {

    public Step withRows(long count) {
        return new Step(order, kind, table, columns, strategies, via, slot, count);
    }

    /** Rows per table, links counted apart ({@code table (links)}), cycle breaks not counted. */
    public static Map<String, Long> counts(List<Step> steps) {
        var counts = new LinkedHashMap<String, Long>();
        for (var s : steps) {
            var key = switch (s.kind()) {
                case "LINK" -> s.table() + " (links)";
                case "BREAK_CYCLE" -> null;
                default -> s.table();
            };
            if (key != null) counts.merge(key, s.rows(), Long::sum);
        }
        return counts;
    }
}
