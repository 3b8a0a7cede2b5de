package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.inventory.Dataset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a connected database joined by their declared foreign keys and the annotated references. Children of
 * a row about the person are about the person; a parent is only when its table identifies people (has an identity
 * column). A reference marked {@code follow: false} — by default a table's reference to itself, such as
 * {@code customer.referred_by} — is a mere link: never walked, nulled out (or erased by its strategy) at erasure.
 */
public final class ReferenceGraph {

    public record Edge(
            String child,
            List<String> childColumns,
            String parent,
            List<String> parentColumns,
            boolean declared,
            boolean follow,
            String strategy) {

        public String describe() {
            return child + "(" + String.join(",", childColumns) + ") -> " + parent + "("
                    + String.join(",", parentColumns) + ")";
        }
    }

    public record IdentityColumn(String kind, String table, String column) {}

    private final DatabaseSchema schema;
    private final Map<String, Map<String, Dataset.Column>> annotations = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<IdentityColumn> identities = new ArrayList<>();
    private final Set<String> identityTables = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    private ReferenceGraph(DatabaseSchema schema) {
        this.schema = schema;
    }

    static ReferenceGraph of(DatabaseSchema schema, Dataset dataset) {
        var graph = new ReferenceGraph(schema);
        if (dataset != null) {
            dataset.tables().forEach(graph::annotate);
        }
        schema.tables().forEach(graph::declared);
        return graph;
    }

    private void annotate(Dataset.Table annotated) {
        var table = schema.table(annotated.name());
        if (table.isEmpty()) {
            warnings.add("annotated table " + annotated.name() + " is not in the schema");
            return;
        }
        var t = table.get();
        var columns = annotations.computeIfAbsent(key(t.name()), k -> new HashMap<>());
        for (var c : annotated.columns()) {
            var column = t.column(c.name());
            if (column.isEmpty()) {
                warnings.add("annotated column " + t.name() + "." + c.name() + " is not in the schema");
                continue;
            }
            var name = column.get().name();
            columns.put(key(name), c);
            if (c.identity() != null) {
                identities.add(new IdentityColumn(c.identity(), t.name(), name));
                identityTables.add(t.name());
            }
            if (c.references() != null) {
                reference(t, name, c);
            }
        }
    }

    private void reference(DatabaseSchema.Table child, String column, Dataset.Column c) {
        var parts = c.references().split("\\.");
        var parent = schema.table(parts[0]);
        var parentColumn = parent.flatMap(p -> p.column(parts[1]));
        if (parentColumn.isEmpty()) {
            warnings.add(
                    "reference " + child.name() + "." + column + " -> " + c.references() + " is not in the schema");
            return;
        }
        boolean follow = c.follow() != null
                ? c.follow()
                : !child.name().equals(parent.get().name());
        edges.add(new Edge(
                child.name(),
                List.of(column),
                parent.get().name(),
                List.of(parentColumn.get().name()),
                false,
                follow,
                strategyOr(c.erasure())));
    }

    private void declared(DatabaseSchema.Table child) {
        for (var fk : child.foreignKeys()) {
            var parent = schema.table(fk.referencedTable());
            if (parent.isEmpty()) {
                continue; // a reference into another schema: out of reach
            }
            var first = annotation(child.name(), fk.columns().getFirst());
            boolean follow = first != null && first.follow() != null
                    ? first.follow()
                    : !child.name().equals(parent.get().name());
            edges.add(new Edge(
                    child.name(),
                    fk.columns(),
                    parent.get().name(),
                    fk.referencedColumns(),
                    true,
                    follow,
                    strategyOr(first == null ? null : first.erasure())));
        }
    }

    private static String strategyOr(String erasure) {
        return erasure == null || "DELETE_ROW".equals(erasure) ? "SET_NULL" : erasure;
    }

    DatabaseSchema schema() {
        return schema;
    }

    DatabaseSchema.Table table(String name) {
        return schema.table(name).orElseThrow();
    }

    public List<Edge> edges() {
        return edges;
    }

    public List<IdentityColumn> identities() {
        return identities;
    }

    public List<String> warnings() {
        return java.util.Collections.unmodifiableList(warnings);
    }

    boolean identifiesPeople(String table) {
        return identityTables.contains(table);
    }

    Dataset.Column annotation(String table, String column) {
        return annotations.getOrDefault(key(table), Map.of()).get(key(column));
    }

    public Map<String, Dataset.Column> annotations(String table) {
        return annotations.getOrDefault(key(table), Map.of());
    }

    /** Walked from a row of {@code table}: down to the children, up to parents that identify people. */
    public boolean walksDown(Edge e) {
        return e.follow();
    }

    public boolean walksUp(Edge e) {
        return e.follow() && identifiesPeople(e.parent());
    }

    /** Tables that can hold rows about a person, in the order a walk from the identity tables reaches them. */
    public List<String> reachable() {
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>();
        identities.forEach(i -> {
            if (seen.add(i.table())) queue.add(i.table());
        });
        while (!queue.isEmpty()) {
            var t = queue.poll();
            for (var e : edges) {
                if (e.parent().equals(t) && walksDown(e) && seen.add(e.child())) queue.add(e.child());
                if (e.child().equals(t) && walksUp(e) && seen.add(e.parent())) queue.add(e.parent());
            }
        }
        return List.copyOf(seen);
    }

    /** Columns a walk needs from a row of the table: its primary key first, then every column an edge joins on. */
    List<String> joinColumns(String table) {
        var columns = new LinkedHashSet<>(table(table).primaryKey());
        for (var e : edges) {
            if (e.child().equals(table)) columns.addAll(e.childColumns());
            if (e.parent().equals(table)) columns.addAll(e.parentColumns());
        }
        return List.copyOf(columns);
    }

    /** A table reached by one edge only, and not identifying people: its rows need not be kept to continue the walk. */
    boolean leaf(String table) {
        if (identifiesPeople(table)) {
            return false;
        }
        long incident = edges.stream()
                .filter(e ->
                        (e.follow() && (e.child().equals(table) || e.parent().equals(table)))
                                || (!e.follow() && e.parent().equals(table)))
                .count();
        return incident <= 1;
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
