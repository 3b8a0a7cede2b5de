package ca.gardien.connectors.runs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a run's export package needs beside the run: the subject key it is sealed under, and whether it was deleted
 * after its retention (marked once across the nodes).
 */
@Repository
public class RunPackageMarks {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RunPackageMarks(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * The key the run's package is sealed under, created ({@code create}) at the run's first export attempt while this
     * node holds the run's lease, and kept for its later attempts. A node that lost the lease gets {@link LeaseLost},
     * and a key it created is destroyed with the rollback.
     */
    public UUID packageKey(StoredRun run, Supplier<UUID> create) {
        return transactions.execute(s -> {
            LeaseFence.hold(jdbc, run);
            var existing = packageKey(run.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            var key = create.get();
            jdbc.sql("UPDATE connectors_run SET package_key = ? WHERE id = ?")
                    .params(key.toString(), run.id().toString())
                    .update();
            return key;
        });
    }

    /** The key the run's package is sealed under; empty for a run without one (or once it was destroyed). */
    public Optional<UUID> packageKey(UUID id) {
        return jdbc.sql("SELECT package_key FROM connectors_run WHERE id = ?")
                .param(id.toString())
                .query(String.class)
                .optional()
                .map(UUID::fromString);
    }

    /** The runs whose package key still exists. */
    public List<UUID> withPackageKey() {
        return jdbc.sql("SELECT id FROM connectors_run WHERE package_key IS NOT NULL").query(String.class).stream()
                .map(UUID::fromString)
                .toList();
    }

    /** Forgets the run's package key once it was destroyed. */
    public void keyDestroyed(UUID id) {
        jdbc.sql("UPDATE connectors_run SET package_key = NULL WHERE id = ?")
                .param(id.toString())
                .update();
    }

    /** Marks the run's export package deleted; false if it was already marked (by another node). */
    public boolean packageDeleted(UUID id, Instant now) {
        return jdbc.sql("UPDATE connectors_run SET package_deleted_at = ? WHERE id = ? AND package_deleted_at IS NULL")
                        .params(RunStore.at(now), id.toString())
                        .update()
                == 1;
    }

    /** Whether the run's export package was deleted after its retention. */
    public boolean packageGone(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM connectors_run WHERE id = ? AND package_deleted_at IS NOT NULL")
                        .param(id.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How many runs' export packages were deleted after their retention. */
    public long deleted() {
        return jdbc.sql("SELECT COUNT(*) FROM connectors_run WHERE package_deleted_at IS NOT NULL")
                .query(Long.class)
                .single();
    }
}
