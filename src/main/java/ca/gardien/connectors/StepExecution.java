package ca.gardien.connectors;

import ca.gardien.connectors.spi.JdbcConnector;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Applies the remaining steps from the run's checkpoint; returns the steps with the rows acted on. */
    List<Step> apply(RunStore.Run run, JdbcConnector jdbc, ReferenceGraph graph, RunRequest request) throws Exception {
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
        while (index < steps.size()) {
            // One target transaction carries up to batchSize keys, across steps: a typical person is one transaction.
            var units = new ArrayList<Unit>();
            int budget = properties.batchSize();
            while (index < steps.size() && budget > 0) {
                var step = steps.get(index);
                var keys = store.keys(run.id(), step.slot(), cursor, budget);
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
            applyInOneTransaction(jdbc, applier, units, values);
            units.forEach(u -> done.merge(u.step().order(), (long) u.keys().size(), Long::sum));
            store.checkpoint(
                    run.id(),
                    index,
                    cursor,
                    done,
                    clock.instant(),
                    clock.instant().plus(properties.lease()));
            if (!units.isEmpty()) {
                pause();
            }
        }
        var finished = steps.stream()
                .map(s -> s.withRows(done.getOrDefault(s.order(), 0L)))
                .toList();
        return finished;
    }

    private record Unit(Step step, List<RunStore.Key> keys) {}

    private static void applyInOneTransaction(
            JdbcConnector jdbc, Applier applier, List<Unit> units, Map<String, String> values) throws SQLException {
        if (units.isEmpty()) {
            return;
        }
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (var unit : units) {
                try {
                    applier.apply(
                            connection,
                            unit.step(),
                            unit.keys().stream().map(RunStore.Key::values).toList(),
                            values);
                } catch (SQLException e) {
                    connection.rollback();
                    throw new StepFailed(unit.step(), e);
                }
            }
            connection.commit();
        }
    }

    private void pause() throws InterruptedException {
        if (!properties.batchPause().isZero()) {
            Thread.sleep(properties.batchPause());
        }
    }
}
