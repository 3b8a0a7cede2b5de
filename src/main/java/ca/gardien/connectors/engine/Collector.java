package ca.gardien.connectors.engine;

import ca.gardien.connectors.engine.KeysetQueries.Query;
import ca.gardien.connectors.engine.KeysetQueries.Rows;
import ca.gardien.connectors.engine.ReferenceGraph.Edge;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the reference graph from a person's identifiers with keysets: each hop queries one table for a batch of join
 * values, streams the rows it finds to a {@link Sink}, and keeps only the join columns of rows that the walk may leave
 * again. Rows already seen are not walked twice, which ends cycles.
 */
public final class Collector {

    /** Receives the rows found, in batches: full rows for an export, join columns (primary key first) otherwise. */
    public interface Sink {
        void rows(String table, List<String> labels, List<Object[]> rows) throws SQLException;
    }

    public record Found(Map<String, Long> rows, Map<Integer, Long> links) {
        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Frontier(String table, List<Object[]> rows, Edge arrivedBy) {}

    private final ReferenceGraph graph;
    private final Connection connection;
    private final Sql sql;
    private final LetterCase letterCase;
    private final int batch;
    private final boolean fullRows;
    private final Sink sink;
    private final Map<String, LinkedHashMap<List<Object>, Object[]>> kept = new HashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Set<List<Object>>> asked = new HashMap<>();
    private final ArrayDeque<Frontier> queue = new ArrayDeque<>();
    private KeysetQueries queries;

    public Collector(ReferenceGraph graph, Connection connection, int batch, boolean fullRows, Sink sink) {
        this.graph = graph;
        this.connection = connection;
        this.sql = new Sql(graph.schema().quote());
        this.letterCase = new LetterCase(graph);
        this.batch = batch;
        this.fullRows = fullRows;
        this.sink = sink;
    }

    /** Walks from the identifiers; {@code linkSink} receives the keys of rows that merely link to erased rows. */
    public Found collect(Map<String, String> identities, LinkSink linkSink) throws SQLException {
        queries = new KeysetQueries(connection, batch);
        var first = new ArrayList<Query>();
        for (var identity : graph.identities()) {
            var value = identities.get(identity.kind());
            if (value != null) {
                var columns = List.of(identity.column());
                var values = letterCase.values(identity.table(), columns, List.of(value));
                first.add(fetch(identity.table(), columns, List.of(values), null));
            }
        }
        queries.run(first);
        while (!queue.isEmpty()) { // a level at a time: every batch of rows found by the previous hop
            var hop = new ArrayList<Query>();
            for (int n = queue.size(); n > 0; n--) {
                walk(queue.poll(), hop);
            }
            queries.run(hop);
        }
        var links = new LinkedHashMap<Integer, Long>();
        if (linkSink != null) {
            var linking = new ArrayList<Query>();
            var edges = graph.edges();
            for (int i = 0; i < edges.size(); i++) {
                var e = edges.get(i);
                if (!e.follow() && kept.containsKey(e.parent())) {
                    links(linking, e, i, linkSink, links);
                }
            }
            queries.run(linking);
        }
        return new Found(counts, links);
    }

    public interface LinkSink {
        void keys(int edge, List<List<Object>> keys) throws SQLException;
    }

    /** The queries of the next hop from a batch of rows: one per edge it may take and batch of join values. */
    private void walk(Frontier f, List<Query> queries) {
        for (var e : graph.edges()) {
            if (e.parent().equals(f.table()) && graph.walksDown(e)) {
                var values = values(f, e.parentColumns(), e.child(), e.childColumns(), "down:" + e.describe());
                fetchAll(queries, e.child(), e.childColumns(), values, e);
            }
            if (e.child().equals(f.table()) && graph.walksUp(e) && e != f.arrivedBy()) {
                var values = values(f, e.childColumns(), e.parent(), e.parentColumns(), "up:" + e.describe());
                fetchAll(queries, e.parent(), e.parentColumns(), values, e);
            }
        }
    }

    /** The distinct values not asked yet along this edge, as the lookup on the target columns compares them. */
    private List<List<Object>> values(
            Frontier f, List<String> columns, String target, List<String> targetColumns, String edgeKey) {
        var labels = graph.joinColumns(f.table());
        var index = columns.stream().mapToInt(c -> labels.indexOf(c)).toArray();
        var seen = asked.computeIfAbsent(edgeKey, k -> new HashSet<>());
        var values = new LinkedHashSet<List<Object>>();
        for (var row : f.rows()) {
            var tuple = new ArrayList<Object>(index.length);
            for (int i : index) tuple.add(row[i]);
            if (tuple.contains(null)) continue;
            var compared = letterCase.values(target, targetColumns, tuple);
            if (seen.add(compared)) values.add(compared);
        }
        return List.copyOf(values);
    }

    private void fetchAll(
            List<Query> queries, String table, List<String> columns, List<List<Object>> values, Edge via) {
        for (int from = 0; from < values.size(); from += batch) {
            queries.add(fetch(table, columns, values.subList(from, Math.min(values.size(), from + batch)), via));
        }
    }

    private Query fetch(String table, List<String> columns, List<List<Object>> values, Edge via) {
        var join = graph.joinColumns(table);
        var select = fullRows ? "*" : sql.columns(join);
        var text = "SELECT " + select + " FROM " + sql.name(table) + " WHERE " + where(table, columns, values.size());
        return new Query(text, values, (labels, rows) -> read(table, join, labels, rows, via));
    }

    private void read(String table, List<String> join, List<String> labels, Rows rs, Edge via) throws SQLException {
        var joinIndex = join.stream().mapToInt(c -> indexOf(labels, c)).toArray();
        int keyWidth = graph.table(table).primaryKey().size();
        var keep = graph.leaf(table) ? null : kept.computeIfAbsent(table, k -> new LinkedHashMap<>());
        var rows = new ArrayList<Object[]>();
        var fresh = new ArrayList<Object[]>();
        for (var row = rs.next(); row != null; row = rs.next()) {
            var projection = new Object[joinIndex.length];
            for (int i = 0; i < joinIndex.length; i++) projection[i] = row[joinIndex[i]];
            var key =
                    java.util.Arrays.asList(keyWidth == 0 ? projection : java.util.Arrays.copyOf(projection, keyWidth));
            if (keep != null && keep.putIfAbsent(key, projection) != null) {
                continue; // seen before: this is where cycles end
            }
            rows.add(fullRows ? row : projection);
            fresh.add(projection);
            if (rows.size() == batch) {
                emit(table, fullRows ? labels : join, rows, fresh, via);
                rows = new ArrayList<>();
                fresh = new ArrayList<>();
            }
        }
        emit(table, fullRows ? labels : join, rows, fresh, via);
    }

    private void emit(String table, List<String> labels, List<Object[]> rows, List<Object[]> fresh, Edge via)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        counts.merge(table, (long) rows.size(), Long::sum);
        sink.rows(table, labels, rows);
        if (!graph.leaf(table)) {
            queue.add(new Frontier(table, fresh, via));
        }
    }

    /** The queries for the keys of rows of {@code e.child()} that merely link to the person's rows of its parent. */
    private void links(List<Query> queries, Edge e, int edgeIndex, LinkSink linkSink, Map<Integer, Long> found) {
        var parentJoin = graph.joinColumns(e.parent());
        var index = e.parentColumns().stream().mapToInt(parentJoin::indexOf).toArray();
        var values = new LinkedHashSet<List<Object>>();
        for (var projection : kept.get(e.parent()).values()) {
            var tuple = new ArrayList<Object>();
            for (int i : index) tuple.add(projection[i]);
            if (!tuple.contains(null)) values.add(letterCase.values(e.child(), e.childColumns(), tuple));
        }
        var all = List.copyOf(values);
        var key = graph.table(e.child()).primaryKey();
        found.put(edgeIndex, 0L);
        for (int from = 0; from < all.size(); from += batch) {
            var chunk = all.subList(from, Math.min(all.size(), from + batch));
            var text = "SELECT " + sql.columns(key) + " FROM " + sql.name(e.child()) + " WHERE "
                    + where(e.child(), e.childColumns(), chunk.size());
            queries.add(new Query(text, chunk, (labels, rows) -> {
                var keys = new ArrayList<List<Object>>();
                for (var row = rows.next(); row != null; row = rows.next()) {
                    keys.add(java.util.Arrays.asList(java.util.Arrays.copyOf(row, key.size())));
                    if (keys.size() == batch) {
                        linkSink.keys(edgeIndex, keys);
                        found.merge(edgeIndex, (long) keys.size(), Long::sum);
                        keys = new ArrayList<>();
                    }
                }
                linkSink.keys(edgeIndex, keys);
                found.merge(edgeIndex, (long) keys.size(), Long::sum);
            }));
        }
    }

    private String where(String table, List<String> columns, int tuples) {
        return Sql.compare(letterCase.expressions(sql, table, columns), tuples);
    }

    private static int indexOf(List<String> labels, String column) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(column)) return i;
        }
        throw new IllegalStateException("column missing from the result");
    }
}
