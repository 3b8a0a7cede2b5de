package ca.gardien.connectors.engine;

import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.runs.RunKeyStore;
import ca.gardien.connectors.runs.StoredRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection phase of an erasure or a rectification: walks the graph and keeps the primary keys of the person's
 * rows (and of the rows merely linking to them), so that a resumed run acts on exactly the same rows even after some
 * are gone. Every key written is fenced by the run's lease. A person with up to {@code batch} keys is held in memory and stored by {@link #store} in the transaction
 * that records the collection; a larger one is written to Gardien's database as the walk goes. Starts afresh when
 * repeated: nothing has been changed on the target yet.
 */
final class KeyCollection {

    private final RunKeyStore store;
    private final ReferenceGraph graph;
    private final int batch;
    private final StoredRun run;
    private final Runnable beforeWrite;
    private final Map<Integer, Long> next = new HashMap<>();
    private final Map<Integer, List<List<Object>>> held = new LinkedHashMap<>();
    private int heldCount;
    private boolean spilled;

    /** {@code beforeWrite} runs before the first key is written to Gardien's database (it may wait or throw). */
    KeyCollection(RunKeyStore store, ReferenceGraph graph, int batch, StoredRun run, Runnable beforeWrite) {
        this.store = store;
        this.graph = graph;
        this.batch = batch;
        this.run = run;
        this.beforeWrite = beforeWrite;
    }

    /** Walks on the caller's connection, in its transaction; the caller ends that transaction. */
    Collector.Found collect(Connection connection, RunRequest request, Runnable progress) throws SQLException {
        var reachable = graph.reachable();
        Collector.Sink sink = (table, labels, rows) -> {
            int width = Math.max(1, graph.table(table).primaryKey().size());
            var keys = rows.stream()
                    .map(r -> Arrays.asList(Arrays.copyOf(r, width)))
                    .toList();
            add(StepPlanner.slot(reachable, table), keys);
            progress.run();
        };
        return new Collector(graph, connection, batch, false, sink)
                .collect(request.identities(), (edge, keys) -> add(StepPlanner.LINK_SLOTS + edge, keys));
    }

    /** Whether every key is held in memory (none was written to Gardien's database during the walk). */
    boolean held() {
        return !spilled;
    }

    /** Stores the keys still held in memory; called in the transaction that records the collection. */
    void store() {
        if (!spilled) {
            store.deleteKeys(run); // left by an earlier attempt that stopped while collecting
            store.addKeys(run, held);
        }
    }

    /** Where the steps read their keys: the memory for a person held whole, Gardien's database otherwise. */
    StepExecution.Keys keys() {
        if (spilled) {
            return (slot, after, limit) -> store.keys(run.id(), slot, after, limit);
        }
        return (slot, after, limit) -> {
            var all = held.getOrDefault(slot, List.of());
            var keys = new ArrayList<RunKeyStore.Key>();
            for (int i = (int) after; i < all.size() && keys.size() < limit; i++) {
                keys.add(new RunKeyStore.Key(i + 1, all.get(i))); // the sequence the store would give: 1, 2, ...
            }
            return keys;
        };
    }

    private void add(int slot, List<List<Object>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (!spilled && heldCount + keys.size() <= batch) {
            held.computeIfAbsent(slot, s -> new ArrayList<>()).addAll(keys);
            heldCount += keys.size();
            return;
        }
        if (!spilled) {
            beforeWrite.run();
            spilled = true;
            store.deleteKeys(run);
            held.forEach(this::write);
            held.clear();
        }
        write(slot, keys);
    }

    private void write(int slot, List<List<Object>> keys) {
        long first = next.getOrDefault(slot, 1L);
        store.addKeys(run, slot, first, keys);
        next.put(slot, first + keys.size());
    }
}
