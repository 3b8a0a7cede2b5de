package ca.gardien.connectors.runs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fence on a run's writes: the lease's owner and generation in the {@code WHERE} clause. A write that changes no row
 * means another node claimed the run meanwhile; it throws {@link LeaseLost} so the caller's transaction, and the ledger
 * fact it would record, rolls back.
 */
final class LeaseFence {

    /** Appended to an {@code UPDATE ... WHERE id = ?}; its parameters are {@link #holder}. */
    static final String CLAUSE = " AND lease_owner = ? AND lease_generation = ?";

    private LeaseFence() {}

    /**
     * Locks the run's row for the current transaction if this node still holds its lease, else throws
     * {@link LeaseLost}: a node claiming the run meanwhile waits for this transaction and finds the lease renewed.
     */
    static void hold(JdbcClient jdbc, StoredRun run) {
        check(
                run,
                jdbc.sql("UPDATE connectors_run SET lease_generation = lease_generation WHERE id = ?" + CLAUSE)
                        .param(run.id().toString())
                        .params(holder(run))
                        .update());
    }

    static void check(StoredRun run, int updated) {
        if (updated != 1) {
            throw new LeaseLost(run.id());
        }
    }

    static List<Object> holder(StoredRun run) {
        return List.of(run.lease().owner(), run.lease().generation());
    }
}
