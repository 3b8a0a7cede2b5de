package ca.gardien.connectors;

import ca.gardien.connectors.engine.DatasetGraphs;
import ca.gardien.connectors.engine.ExpiryBatch;
import ca.gardien.connectors.engine.ExpiryTarget;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Sweeps a table of a database connector for a retention rule, batch by batch: each batch is one target transaction
 * ({@link ExpiryBatch}), whose outcome the caller records (through {@code beforeCommit}) before the target commits, so
 * that a sweep cut off at any point knows, on resuming, whether its last batch took effect ({@link Sweep#remaining}).
 */
@Service
public class ExpirySweeps {

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final ConnectorsProperties properties;

    ExpirySweeps(ConnectorCatalog catalog, DatasetGraphs graphs, ConnectorsProperties properties) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.properties = properties;
    }

    /** Which table of which connector, the column the rule counts from, and whether rows are anonymized. */
    public record Target(String connector, String table, String triggerColumn, boolean anonymize) {}

    /** Receives a batch's outcome while its target transaction is still open; throwing rolls the batch back. */
    public interface BeforeCommit {
        void record(SweptBatch result) throws Exception;
    }

    /**
     * Opens a sweep of one table. {@code held} maps identifier kinds (email, customerNumber …) to the held persons'
     * identifiers; {@code heldTables} are tables of this connector held whole; {@code refresh} reads the schema again
     * (a run starting: tables created since the last read).
     *
     * @throws InvalidInputException naming {@code table} or {@code triggerColumn} when the schema does not allow it
     */
    public Sweep open(
            Target target, Map<String, Set<String>> held, Set<String> heldTables, Actor actor, boolean refresh) {
        if (!(catalog.admitted(target.connector(), actor) instanceof JdbcConnector jdbc)) {
            throw new InvalidInputException("connector", "connectors.field.not-database");
        }
        var schema = catalog.schema(target.connector(), refresh);
        var table = schema.table(target.table())
                .orElseThrow(() -> new InvalidInputException("table", "connectors.field.expiry-table"));
        if (table.primaryKey().isEmpty()) {
            throw new InvalidInputException("table", "connectors.field.expiry-key");
        }
        var trigger = table.column(target.triggerColumn()).orElse(null);
        if (trigger == null || !trigger.dated()) {
            throw new InvalidInputException(List.of(FieldError.of("triggerColumn", "connectors.field.expiry-trigger")));
        }
        var prepared = new ExpiryTarget(
                graphs.graph(target.connector()), table.name(), trigger.name(), target.anonymize(), held, heldTables);
        if (target.anonymize() && !prepared.anonymizable()) {
            throw new InvalidInputException("table", "connectors.field.expiry-nothing-to-anonymize");
        }
        var refusal = prepared.refusal();
        if (refusal != null) {
            throw new InvalidInputException("table", "connectors.field." + refusal);
        }
        return new Sweep(jdbc, prepared, properties.batchSize());
    }

    /** A sweep of one table, opened by {@link #open}. */
    public static final class Sweep {

        private final JdbcConnector jdbc;
        private final ExpiryTarget target;
        private final int walkBatch;
        private boolean prepared;

        private Sweep(JdbcConnector jdbc, ExpiryTarget target, int walkBatch) {
            this.jdbc = jdbc;
            this.target = target;
            this.walkBatch = walkBatch;
        }

        /** How many rows are past the cutoff now (held ones included). */
        public long expired(Instant cutoff) throws SQLException {
            try (var c = jdbc.dataSource().getConnection()) {
                c.setReadOnly(true);
                return target.expired(c, cutoff);
            }
        }

        /**
         * Sweeps the next batch past {@code after} (null: from the start): reads and counts only when {@code dryRun};
         * otherwise changes it, hands the outcome to {@code beforeCommit} and commits.
         */
        public SweptBatch next(List<String> after, int size, Instant cutoff, boolean dryRun, BeforeCommit beforeCommit)
                throws Exception {
            try (var c = jdbc.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (!prepared) {
                        target.prepare(c, walkBatch);
                        prepared = true;
                    }
                    var result = ExpiryBatch.of(target, c).run(after, size, cutoff, dryRun);
                    if (dryRun) {
                        c.rollback();
                    } else {
                        beforeCommit.record(result);
                        c.commit();
                    }
                    return result;
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
        }

        /** How many of a batch's rows are still to sweep: 0 when it committed, all of them when it did not. */
        public long remaining(Instant cutoff, List<List<String>> keys) throws SQLException {
            try (var c = jdbc.dataSource().getConnection()) {
                c.setReadOnly(true);
                return target.remaining(c, cutoff, keys);
            }
        }
    }
}
