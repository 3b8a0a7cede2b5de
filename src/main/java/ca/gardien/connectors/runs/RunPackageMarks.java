package ca.gardien.connectors.runs;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether a run's export package was deleted after its retention, marked once across the nodes. */
@Repository
public class RunPackageMarks {

    private final JdbcClient jdbc;

    RunPackageMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
