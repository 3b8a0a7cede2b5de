package ca.gardien.connectors;

import ca.gardien.connectors.ReferenceGraph.Edge;
import java.sql.Connection;
import java.sql.ResultSet;
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
final class Collector {

    /** Receives the rows found, in batches: full rows for an export, join columns (primary key first) otherwise. */
    interface Sink {
        void rows(String table, List<String> labels, List<Object[]> rows) throws SQLException;
    }

    record Found(Map<String, Long> rows, Map<Integer, Long> links) {
        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Frontier(String table, List<Object[]> rows, Edge arrivedBy) {}

    private final ReferenceGraph graph;
    private final Connection connection;
    private final Sql sql;
    private final int batch;
    private final boolean fullRows;
    private final Sink sink;
    private final Map<String, LinkedHashMap<List<Object>, Object[]>> kept = new HashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Set<List<Object>>> asked = new HashMap<>();
    private final ArrayDeque<Frontier> queue = new ArrayDeque<>();

    Collector(ReferenceGraph graph, Connection connection, int batch, boolean fullRows, Sink sink) {
        this.graph = graph;
        this.connection = connection;
        this.sql = new Sql(graph.schema().quote());
        this.batch = batch;
        this.fullRows = fullRows;
        this.sink = sink;
    }

    /** Walks from the identifiers; {@code linkSink} receives the keys of rows that merely link to erased rows. */
    Found collect(Map<String, String> identities, LinkSink linkSink) throws SQLException {
        for (var identity : graph.identities()) {
            var value = identities.get(identity.kind());
            if (value != null) {
                fetch(identity.table(), List.of(identity.column()), List.of(List.of(value)), null);
            }
        }
        while (!queue.isEmpty()) {
            walk(queue.poll());
        }
        var links = new LinkedHashMap<Integer, Long>();
        if (linkSink != null) {
            var edges = graph.edges();
            for (int i = 0; i < edges.size(); i++) {
                var e = edges.get(i);
                if (!e.follow() && kept.containsKey(e.parent())) {
                    links.put(i, links(e, i, linkSink));
                }
            }
        }
        return new Found(counts, links);
    }

    interface LinkSink {
        void keys(int edge, List<List<Object>> keys) throws SQLException;
    }

    private void walk(Frontier f) throws SQLException {
        for (var e : graph.edges()) {
            if (e.parent().equals(f.table()) && graph.walksDown(e)) {
                var values = values(f, e.parentColumns(), "down:" + e.describe());
                fetchAll(e.child(), e.childColumns(), values, e);
            }
            if (e.child().equals(f.table()) && graph.walksUp(e) && e != f.arrivedBy()) {
                var values = values(f, e.childColumns(), "up:" + e.describe());
                fetchAll(e.parent(), e.parentColumns(), values, e);
            }
        }
    }

    private List<List<Object>> values(Frontier f, List<String> columns, String edgeKey) {
        var labels = graph.joinColumns(f.table());
        var index = columns.stream().mapToInt(c -> labels.indexOf(c)).toArray();
        var seen = asked.computeIfAbsent(edgeKey, k -> new HashSet<>());
        var values = new LinkedHashSet<List<Object>>();
        for (var row : f.rows()) {
            var tuple = new ArrayList<Object>(index.length);
            for (int i : index) tuple.add(row[i]);
            if (!tuple.contains(null) && seen.add(tuple)) values.add(tuple);
        }
        return List.copyOf(values);
    }

    private void fetchAll(String table, List<String> columns, List<List<Object>> values, Edge via) throws SQLException {
        for (int from = 0; from < values.size(); from += batch) {
            fetch(table, columns, values.subList(from, Math.min(values.size(), from + batch)), via);
        }
    }

    private void fetch(String table, List<String> columns, List<List<Object>> values, Edge via) throws SQLException {
        var join = graph.joinColumns(table);
        var select = fullRows ? "*" : sql.columns(join);
        var text = "SELECT " + select + " FROM " + sql.name(table) + " WHERE " + sql.matching(columns, values.size());
        try (var statement = connection.prepareStatement(text)) {
            statement.setFetchSize(batch);
            Sql.bind(statement, 1, values);
            try (var rs = statement.executeQuery()) {
                read(table, join, rs, via);
            }
        }
    }

    private void read(String table, List<String> join, ResultSet rs, Edge via) throws SQLException {
        var meta = rs.getMetaData();
        var labels = new ArrayList<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) labels.add(meta.getColumnLabel(i));
        var joinIndex = join.stream().mapToInt(c -> indexOf(labels, c)).toArray();
        int keyWidth = graph.table(table).primaryKey().size();
        var keep = graph.leaf(table) ? null : kept.computeIfAbsent(table, k -> new LinkedHashMap<>());
        var rows = new ArrayList<Object[]>();
        var fresh = new ArrayList<Object[]>();
        while (rs.next()) {
            var row = new Object[labels.size()];
            for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
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

    private long links(Edge e, int edgeIndex, LinkSink linkSink) throws SQLException {
        var parentJoin = graph.joinColumns(e.parent());
        var index = e.parentColumns().stream().mapToInt(parentJoin::indexOf).toArray();
        var values = new LinkedHashSet<List<Object>>();
        for (var projection : kept.get(e.parent()).values()) {
            var tuple = new ArrayList<Object>();
            for (int i : index) tuple.add(projection[i]);
            if (!tuple.contains(null)) values.add(tuple);
        }
        var all = List.copyOf(values);
        var key = graph.table(e.child()).primaryKey();
        long found = 0;
        for (int from = 0; from < all.size(); from += batch) {
            var chunk = all.subList(from, Math.min(all.size(), from + batch));
            var text = "SELECT " + sql.columns(key) + " FROM " + sql.name(e.child()) + " WHERE "
                    + sql.matching(e.childColumns(), chunk.size());
            try (var statement = connection.prepareStatement(text)) {
                Sql.bind(statement, 1, chunk);
                try (var rs = statement.executeQuery()) {
                    var keys = new ArrayList<List<Object>>();
                    while (rs.next()) {
                        var tuple = new ArrayList<Object>();
                        for (int i = 1; i <= key.size(); i++) tuple.add(rs.getObject(i));
                        keys.add(tuple);
                        if (keys.size() == batch) {
                            linkSink.keys(edgeIndex, keys);
                            found += keys.size();
                            keys = new ArrayList<>();
                        }
                    }
                    linkSink.keys(edgeIndex, keys);
                    found += keys.size();
                }
            }
        }
        return found;
    }

    private static int indexOf(List<String> labels, String column) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(column)) return i;
        }
        throw new IllegalStateException("column missing from the result");
    }
}
