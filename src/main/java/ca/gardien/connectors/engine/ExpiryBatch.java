package ca.gardien.connectors.engine;

import ca.gardien.connectors.SweptBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch of a retention sweep on one table, in one target transaction: the next rows (in primary-key order) whose
 * trigger column is older than the cutoff, locked with {@code SKIP LOCKED} where the database has it so that the sweep
 * never waits on the application's own transactions; held rows skipped and counted. Destroying walks down as an
 * erasure does: rows that refer to a destroyed row through a followed reference are destroyed first (children before
 * parents), rows that merely link to one have the link nulled. Anonymizing replaces the row's annotated columns and
 * keeps the row. A dry run reads and counts, and changes nothing.
 */
public final class ExpiryBatch {

    private final ExpiryTarget target;
    private final Connection connection;
    private final Sql sql;
    private final Map<String, Long> destroyed = new LinkedHashMap<>();
    private final Map<String, Long> unlinked = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Set<List<Object>>> visited = new LinkedHashMap<>();
    private boolean heldBelow;

    /**
     * One statement per chunk of tuples: {@code text} then a match of {@code on} against the tuples. A write is
     * {@code exact} when its tuples are the keys of the rows it changes (a dry run counts them); otherwise a dry run
     * counts the rows matching.
     */
    private record Write(
            String table,
            String text,
            List<String> on,
            List<List<Object>> tuples,
            String counted,
            boolean delete,
            boolean exact,
            List<Object> leading) {}

    public static ExpiryBatch of(ExpiryTarget target, Connection connection) {
        return new ExpiryBatch(target, connection);
    }

    private ExpiryBatch(ExpiryTarget target, Connection connection) {
        this.target = target;
        this.connection = connection;
        this.sql = new Sql(target.graph().schema().quote());
    }

    /** Reads the next batch after {@code after} (null: from the start) and, unless a dry run, changes it. */
    public SweptBatch run(List<String> after, int size, Instant cutoff, boolean dryRun) throws SQLException {
        var table = target.table();
        var columns = target.readColumns();
        var rows = target.select(connection, sql, columns, after, size, cutoff, !dryRun);
        List<List<String>> keys = new ArrayList<>();
        List<Object[]> kept = new ArrayList<>();
        long held = 0;
        List<String> last = after;
        for (var row : rows) {
            last = target.keyText(row);
            if (target.held(row)) {
                held++;
                continue;
            }
            keys.add(last);
            kept.add(row);
        }
        if (!target.anonymize() && target.holds().any() && !kept.isEmpty() && holdsBelow(table.name(), kept, columns)) {
            // a held row below some of these: find whose, one row at a time, and keep those whole
            var free = new ArrayList<Object[]>();
            var freeKeys = new ArrayList<List<String>>();
            for (int i = 0; i < kept.size(); i++) {
                if (holdsBelow(table.name(), java.util.Collections.singletonList(kept.get(i)), columns)) {
                    held++;
                } else {
                    free.add(kept.get(i));
                    freeKeys.add(keys.get(i));
                }
            }
            kept = free;
            keys = freeKeys;
        }
        long anonymized = 0;
        if (!kept.isEmpty()) {
            if (target.anonymize()) {
                anonymized = dryRun ? kept.size() : target.anonymizeRows(connection, sql, keys);
            } else {
                visit(table.name(), kept, columns);
                walk(table.name(), kept, columns);
                writes.add(new Write(
                        table.name(),
                        "DELETE FROM " + sql.name(table.name()) + " WHERE ",
                        table.primaryKey(),
                        target.keyTuples(kept),
                        table.name(),
                        true,
                        true,
                        List.of()));
                apply(dryRun);
            }
        }
        return new SweptBatch(
                List.copyOf(keys),
                last,
                Map.copyOf(destroyed),
                Map.copyOf(unlinked),
                anonymized,
                held,
                rows.size() == size);
    }

    /** The writes for the rows below these: children first (depth first), links nulled before any delete. */
    private void walk(String table, List<Object[]> rows, List<String> columns) throws SQLException {
        for (var e : target.graph().edges()) {
            if (!e.parent().equalsIgnoreCase(table)) continue;
            var values = ExpiryRows.tuples(rows, columns, e.parentColumns());
            if (values.isEmpty()) continue;
            if (e.follow()
                    && !e.child().equalsIgnoreCase(table)
                    && leaf(e.child())
                    && !target.holds().involves(e.child())) {
                // nothing refers to the child table: its rows go by the reference itself, without reading them
                writes.add(new Write(
                        e.child(),
                        "DELETE FROM " + sql.name(e.child()) + " WHERE ",
                        e.childColumns(),
                        values,
                        e.child(),
                        true,
                        false,
                        List.of()));
            } else if (e.follow() && !e.child().equalsIgnoreCase(table)) {
                var childColumns = target.graph().joinColumns(e.child());
                var children = new ArrayList<Object[]>();
                for (var chunk : ExpiryRows.chunks(values)) {
                    children.addAll(
                            ExpiryRows.select(connection, sql, e.child(), childColumns, e.childColumns(), chunk));
                }
                var fresh = visit(e.child(), children, childColumns);
                if (fresh.isEmpty()) continue;
                var childKey = target.graph().table(e.child()).primaryKey();
                for (var child : fresh) {
                    if (target.holds()
                            .held(e.child(), ExpiryRows.text(ExpiryRows.project(child, childColumns, childKey))))
                        heldBelow = true;
                }
                walk(e.child(), fresh, childColumns);
                var key = target.graph().table(e.child()).primaryKey();
                writes.add(new Write(
                        e.child(),
                        "DELETE FROM " + sql.name(e.child()) + " WHERE ",
                        key,
                        ExpiryRows.tuples(fresh, childColumns, key),
                        e.child(),
                        true,
                        true,
                        List.of()));
            } else {
                if (target.holds().involves(e.child())) {
                    var childColumns = target.graph().joinColumns(e.child());
                    var childKey = target.graph().table(e.child()).primaryKey();
                    for (var chunk : ExpiryRows.chunks(values)) {
                        for (var child :
                                ExpiryRows.select(connection, sql, e.child(), childColumns, e.childColumns(), chunk)) {
                            if (target.holds()
                                    .held(
                                            e.child(),
                                            ExpiryRows.text(ExpiryRows.project(child, childColumns, childKey))))
                                heldBelow = true; // a held row is never changed, not even its link
                        }
                    }
                }
                var set = new StringBuilder();
                var fixed = e.strategy() != null && e.strategy().startsWith("FIXED:")
                        ? e.strategy().substring(6)
                        : null;
                for (var c : e.childColumns()) {
                    set.append(set.isEmpty() ? "" : ", ")
                            .append(sql.name(c))
                            .append(fixed == null ? " = NULL" : " = ?");
                }
                var leading = new ArrayList<Object>();
                if (fixed != null) e.childColumns().forEach(c -> leading.add(fixed));
                // links are nulled before any delete: a NOT NULL link fails before anything is deleted
                writes.addFirst(new Write(
                        e.child(),
                        "UPDATE " + sql.name(e.child()) + " SET " + set + " WHERE ",
                        e.childColumns(),
                        values,
                        e.child() + "." + String.join(",", e.childColumns()),
                        false,
                        false,
                        List.copyOf(leading)));
            }
        }
    }

    /** Whether a held row is among the rows below these (the walk of a destruction, writing nothing). */
    private boolean holdsBelow(String table, List<Object[]> rows, List<String> columns) throws SQLException {
        var probe = new ExpiryBatch(target, connection);
        probe.visit(table, rows, columns);
        probe.walk(table, rows, columns);
        return probe.heldBelow;
    }

    /** Whether no reference leads out of this table: nothing below its rows to destroy or unlink. */
    private boolean leaf(String table) {
        return target.graph().edges().stream().noneMatch(e -> e.parent().equalsIgnoreCase(table));
    }

    private List<Object[]> visit(String table, List<Object[]> rows, List<String> columns) {
        var seen = visited.computeIfAbsent(table.toLowerCase(), k -> new HashSet<>());
        var key = target.graph().table(table).primaryKey();
        var fresh = new ArrayList<Object[]>();
        for (var row : rows) {
            if (seen.add(ExpiryRows.project(row, columns, key))) fresh.add(row);
        }
        return fresh;
    }

    private void apply(boolean dryRun) throws SQLException {
        for (var w : writes) {
            for (var chunk : ExpiryRows.chunks(w.tuples())) {
                var where = sql.matching(w.on(), chunk.size());
                long n;
                if (dryRun) {
                    n = w.exact() ? chunk.size() : ExpiryRows.count(connection, sql, w.table(), where, chunk);
                } else {
                    try (var s = connection.prepareStatement(w.text() + where)) {
                        int i = 1;
                        for (var v : w.leading()) s.setObject(i++, v);
                        Sql.bind(s, i, chunk);
                        n = s.executeUpdate();
                    }
                }
                (w.delete() ? destroyed : unlinked).merge(w.counted(), n, Long::sum);
            }
        }
    }
}
