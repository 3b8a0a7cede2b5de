package ca.gardien.connectors.engine;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.SecretBox;
import ca.gardien.connectors.Step;
import ca.gardien.connectors.runs.RunKeyStore;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.connectors.spi.JdbcConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * Applies a run's steps batch by batch: each target transaction carries up to {@code batch-size} keys, possibly across
 * steps, and is followed by a checkpoint (step, cursor, counts) in Gardien's database. A batch repeated after a crash
 * is harmless because every statement of {@link Applier} is idempotent.
 */
@Component
class StepExecution {

    private final RunStore store;
    private final SecretBox box;
    private final ConnectorsProperties properties;
    private final Clock clock;

    StepExecution(RunStore store, SecretBox box, ConnectorsProperties properties, Clock clock) {
        this.store = store;
        this.box = box;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a step's keys come from: {@code limit} keys of a slot after the sequence number {@code after}. */
    public interface Keys {
        List<RunKeyStore.Key> keys(int slot, long after, int limit);
    }

    /**
     * A target transaction already open (the one that collected the keys) for the first batch, and the recording of
     * the collection in Gardien's database, running meanwhile: the first batch commits only once that is durable.
     */
    record Opening(Connection connection, Future<?> recorded) {}

    /**
     * Applies the remaining steps from the run's checkpoint; returns the steps with the rows acted on. The last batch
     * leaves no checkpoint: the caller records the run completed next, and a crash in between repeats that batch.
     */
    List<Step> apply(
            StoredRun run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request, Keys source, Opening opening)
            throws Exception {
        var steps = run.steps();
        var done = new HashMap<>(run.done());
        var applier = new Applier(graph, box);
        // Keyed by table and column: two tables may have a column of the same name with different new values.
        var values = new HashMap<String, String>();
        request.changes().forEach(c -> {
            var table = graph.table(c.table());
            values.put(
                    Applier.target(
                            table.name(), table.column(c.column()).orElseThrow().name()),
                    c.newValue());
        });
        int index = run.stepIndex();
        long cursor = run.stepCursor();
        var recorded = opening == null ? null : opening.recorded();
        while (index < steps.size()) {
            // One target transaction carries up to batchSize keys, across steps: a typical person is one transaction.
            var units = new ArrayList<Unit>();
            int budget = properties.batchSize();
            while (index < steps.size() && budget > 0) {
                var step = steps.get(index);
                var keys = source.keys(step.slot(), cursor, budget);
                if (!keys.isEmpty()) {
                    units.add(new Unit(step, keys));
                    cursor = keys.getLast().seq();
                }
                if (keys.size() < budget) {
                    index++;
                    cursor = 0;
                }
                budget -= keys.size();
            }
            if (opening != null) { // its connection carries every batch: a run never holds two of the pool's
                applyInOneTransaction(opening.connection(), applier, units, values, recorded);
                recorded = null;
            } else if (!units.isEmpty()) {
                try (var connection = jdbc.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    applyInOneTransaction(connection, applier, units, values, null);
                }
            }
            units.forEach(u -> done.merge(u.step().order(), (long) u.keys().size(), Long::sum));
            if (index >= steps.size()) {
                break;
            }
            store.checkpoint( // fenced: a node that lost the run stops here (LeaseLost)
                    run, index, cursor, done, clock.instant(), clock.instant().plus(properties.lease()));
            if (!units.isEmpty()) {
                pause();
            }
        }
        var finished = steps.stream()
                .map(s -> s.withRows(done.getOrDefault(s.order(), 0L)))
                .toList();
        return finished;
    }

    private record Unit(Step step, List<RunKeyStore.Key> keys) {
        List<List<Object>> values() {
            return keys.stream().map(RunKeyStore.Key::values).toList();
        }
    }

    /**
     * Applies the units in one target transaction and commits it once {@code beforeCommit} (if any) has succeeded. On
     * PostgreSQL the set-based statements go in one round trip; if that fails, the batch is rolled back and run again
     * statement by statement, so that the failure names its step.
     */
    private static void applyInOneTransaction(
            Connection connection,
            Applier applier,
            List<Unit> units,
            Map<String, String> values,
            Future<?> beforeCommit)
            throws Exception {
        if (units.size() > 1 && StatementPipeline.supported(connection)) {
            try {
                pipelined(connection, applier, units, values);
            } catch (SQLException e) {
                connection.rollback();
                oneByOne(connection, applier, units, values);
            }
        } else {
            oneByOne(connection, applier, units, values);
        }
        if (beforeCommit != null) {
            try {
                beforeCommit.get();
            } catch (ExecutionException e) {
                connection.rollback(); // the collection is not recorded: nothing may change on the target
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        connection.commit();
    }

    private static void oneByOne(Connection connection, Applier applier, List<Unit> units, Map<String, String> values)
            throws SQLException {
        for (var unit : units) {
            try {
                applier.apply(connection, unit.step(), unit.values(), values);
            } catch (SQLException e) {
                connection.rollback();
                throw new StepFailed(unit.step(), e);
            }
        }
    }

    /** The plain statements in one round trip; a keyed hash, read and written row by row, splits the pipeline. */
    private static void pipelined(Connection connection, Applier applier, List<Unit> units, Map<String, String> values)
            throws SQLException {
        var pending = new ArrayList<Applier.Bound>();
        for (var unit : units) {
            if (Applier.hashes(unit.step())) {
                StatementPipeline.run(connection, pending);
                pending.clear();
                applier.hashColumns(connection, unit.step(), unit.values());
            }
            var plain = applier.plain(unit.step(), unit.values(), values);
            if (plain != null) {
                pending.add(plain);
            }
        }
        StatementPipeline.run(connection, pending);
    }

    private void pause() throws InterruptedException {
        if (!properties.batchPause().isZero()) {
            Thread.sleep(properties.batchPause());
        }
    }
}
