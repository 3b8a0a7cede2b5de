package ca.gardien.connectors.engine;

import ca.gardien.connectors.RectifyChange;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the steps of a run from the graph alone (the data only adds counts): links to erased rows first, then
 * anonymization, then the references that close cycles, then deletions with children before parents.
 */
public final class StepPlanner {

    static final int LINK_SLOTS = 100_000;

    private final ReferenceGraph graph;
    private final List<String> reachable;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> warnings;

    private StepPlanner(ReferenceGraph graph, List<String> warnings) {
        this.graph = graph;
        this.reachable = graph.reachable();
        this.warnings = warnings;
    }

    static int slot(List<String> reachable, String table) {
        return reachable.indexOf(table);
    }

    public static List<Step> plan(
            ReferenceGraph graph, RunAction action, List<RectifyChange> changes, List<String> warnings) {
        var planner = new StepPlanner(graph, warnings);
        if (action.writes()) {
            RunChecks.keyless(graph)
                    .forEach(t -> warnings.add(t + " has no primary key: its rows cannot be named one by one, so "
                            + action + " will not run; give the table a primary key"));
        }
        switch (action) {
            case ERASE -> planner.erase();
            case RECTIFY -> changes.forEach(planner::rectify);
            default ->
                planner.reachable.forEach(t -> planner.add(
                        RunAction.EXPORT.name(), t, List.of(), List.of(), null, slot(planner.reachable, t)));
        }
        return planner.steps;
    }

    private void rectify(RectifyChange change) {
        var table = graph.table(change.table()).name();
        var column = graph.table(table).column(change.column()).orElseThrow().name();
        add(RunAction.RECTIFY.name(), table, List.of(column), List.of("VALUE"), null, slot(reachable, table));
    }

    /** A row is deleted unless its columns carry anonymizing strategies; a link column's strategy is for others. */
    private boolean deletes(String table) {
        var links = new HashSet<String>();
        graph.edges().stream()
                .filter(e -> !e.follow() && e.child().equals(table))
                .forEach(e -> e.childColumns().forEach(c -> links.add(ReferenceGraph.key(c))));
        var own = graph.annotations(table).entrySet().stream()
                .filter(e -> !links.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return own.stream().noneMatch(c -> c.erasure() != null && !"DELETE_ROW".equals(c.erasure()))
                || own.stream().anyMatch(c -> "DELETE_ROW".equals(c.erasure()));
    }

    private void erase() {
        var edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            var e = edges.get(i);
            if (!e.follow() && reachable.contains(e.parent()) && deletes(e.parent())) {
                add(
                        "LINK",
                        e.child(),
                        e.childColumns(),
                        strategies(e.childColumns().size(), e.strategy()),
                        e.describe(),
                        LINK_SLOTS + i);
            }
        }
        for (var table : reachable) {
            if (!deletes(table)) {
                anonymize(table);
            }
        }
        var deleting =
                new LinkedHashSet<>(reachable.stream().filter(this::deletes).toList());
        deleteInOrder(deleting);
    }

    private void anonymize(String table) {
        var columns = new ArrayList<String>();
        var strategies = new ArrayList<String>();
        graph.annotations(table).values().stream()
                .filter(c -> c.erasure() != null && !"DELETE_ROW".equals(c.erasure()))
                .forEach(c -> {
                    columns.add(
                            graph.table(table).column(c.name()).orElseThrow().name());
                    strategies.add(c.erasure());
                });
        for (var e : graph.edges()) {
            if (e.declared()
                    && e.child().equals(table)
                    && reachable.contains(e.parent())
                    && deletes(e.parent())
                    && !columns.containsAll(e.childColumns())) {
                warnings.add(table + " keeps its rows but " + e.describe()
                        + " points to erased rows: give these columns an erasure strategy such as SET_NULL");
            }
        }
        add("ANONYMIZE", table, columns, strategies, null, slot(reachable, table));
    }

    /** Kahn's algorithm on "child before parent"; a cycle is broken by nulling one of its nullable references. */
    private void deleteInOrder(Set<String> remaining) {
        var constraints = new ArrayList<ReferenceGraph.Edge>();
        for (var e : graph.edges()) {
            if (e.declared() && e.follow() && remaining.contains(e.child()) && remaining.contains(e.parent())) {
                constraints.add(e);
            }
        }
        var breaks = new ArrayList<Step>();
        var order = new ArrayList<String>();
        while (!remaining.isEmpty()) {
            var ready = remaining.stream()
                    .filter(t ->
                            constraints.stream().noneMatch(e -> e.parent().equals(t) && remaining.contains(e.child())))
                    .findFirst();
            if (ready.isPresent()) {
                order.add(ready.get());
                remaining.remove(ready.get());
                continue;
            }
            var breakable = constraints.stream()
                    .filter(e -> remaining.contains(e.child()) && remaining.contains(e.parent()))
                    .filter(e -> e.childColumns().stream()
                            .allMatch(c -> graph.table(e.child())
                                    .column(c)
                                    .orElseThrow()
                                    .nullable()))
                    .findFirst();
            if (breakable.isPresent()) {
                var e = breakable.get();
                constraints.remove(e);
                breaks.add(new Step(
                        0,
                        "BREAK_CYCLE",
                        e.child(),
                        e.childColumns(),
                        strategies(e.childColumns().size(), "SET_NULL"),
                        e.describe(),
                        slot(reachable, e.child()),
                        0));
            } else {
                var any = remaining.iterator().next();
                warnings.add(
                        "the references around " + any + " form a cycle with no nullable column: erasure may fail");
                order.add(any);
                remaining.remove(any);
            }
        }
        breaks.forEach(b -> add(b.kind(), b.table(), b.columns(), b.strategies(), b.via(), b.slot()));
        order.forEach(t -> add("DELETE", t, List.of(), List.of(), null, slot(reachable, t)));
    }

    private static List<String> strategies(int n, String strategy) {
        return java.util.Collections.nCopies(n, strategy);
    }

    private void add(String kind, String table, List<String> columns, List<String> strategies, String via, int slot) {
        steps.add(new Step(steps.size() + 1, kind, table, List.copyOf(columns), List.copyOf(strategies), via, slot, 0));
    }

    /** Lint: every query of the walk should be served by an index (without one it scans the whole table). */
    public static void indexWarnings(ReferenceGraph graph, List<String> warnings) {
        var reachable = new HashSet<>(graph.reachable());
        var letterCase = new LetterCase(graph);
        for (var identity : graph.identities()) {
            unindexed(letterCase, identity.table(), List.of(identity.column()), "finding identities", warnings);
        }
        for (var e : graph.edges()) {
            if (reachable.contains(e.parent()) && (graph.walksDown(e) || !e.follow())) {
                unindexed(letterCase, e.child(), e.childColumns(), "walking " + e.describe(), warnings);
            }
            if (reachable.contains(e.child()) && graph.walksUp(e)) {
                unindexed(letterCase, e.parent(), e.parentColumns(), "walking up " + e.describe(), warnings);
            }
        }
    }

    private static void unindexed(
            LetterCase letterCase, String table, List<String> columns, String why, List<String> warnings) {
        var warning = letterCase.unindexed(table, columns, why);
        if (warning != null && !warnings.contains(warning)) warnings.add(warning);
    }
}
