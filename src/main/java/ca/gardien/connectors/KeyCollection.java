package ca.gardien.connectors;

import ca.gardien.connectors.spi.JdbcConnector;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The collection phase of an erasure or a rectification: walks the graph and stores the primary keys of the person's
 * rows (and of the rows merely linking to them) in Gardien's database, so that a resumed run acts on exactly the same
 * rows even after some are gone. Starts afresh when repeated: nothing has been changed on the target yet.
 */
final class KeyCollection {

    private final RunStore store;
    private final ReferenceGraph graph;
    private final int batch;
    private final UUID run;
    private final Map<Integer, Long> next = new HashMap<>();

    KeyCollection(RunStore store, ReferenceGraph graph, int batch, UUID run) {
        this.store = store;
        this.graph = graph;
        this.batch = batch;
        this.run = run;
    }

    Collector.Found collect(JdbcConnector jdbc, RunRequest request, Runnable progress) throws SQLException {
        store.deleteKeys(run);
        var reachable = graph.reachable();
        Collector.Sink sink = (table, labels, rows) -> {
            int width = Math.max(1, graph.table(table).primaryKey().size());
            var keys = rows.stream()
                    .map(r -> Arrays.asList(Arrays.copyOf(r, width)))
                    .toList();
            add(StepPlanner.slot(reachable, table), keys);
            progress.run();
        };
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            var found = new Collector(graph, connection, batch, false, sink)
                    .collect(request.identities(), (edge, keys) -> add(StepPlanner.LINK_SLOTS + edge, keys));
            connection.rollback();
            return found;
        }
    }

    private void add(int slot, List<List<Object>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        long first = next.getOrDefault(slot, 1L);
        store.addKeys(run, slot, first, keys);
        next.put(slot, first + keys.size());
    }
}
