package ca.gardien.connectors.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The primary keys an erasure or a rectification collected, per step slot, numbered from 1: a resumed run acts on exactly
 * these rows. Every write is fenced by the run's {@link Lease}: it locks the run's row first and throws {@link LeaseLost}
 * once another node holds the run.
 */
@Repository
public class RunKeyStore {

    /** One stored key: its number in the slot and the primary-key values. */
    public record Key(long seq, List<Object> values) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    RunKeyStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** Deletes the run's keys, left by an earlier attempt, while this node holds its lease. */
    public void deleteKeys(StoredRun run) {
        transactions.executeWithoutResult(s -> {
            LeaseFence.hold(jdbc, run);
            deleteAll(run.id());
        });
    }

    void deleteAll(UUID id) {
        jdbc.sql("DELETE FROM connectors_run_key WHERE run_id = ?")
                .param(id.toString())
                .update();
    }

    /** Adds keys of one slot, numbered from {@code firstSeq}, while this node holds the run's lease. */
    public void addKeys(StoredRun run, int slot, long firstSeq, List<List<Object>> keys) {
        var rows = new ArrayList<Object[]>(keys.size());
        long seq = firstSeq;
        for (var key : keys) {
            rows.add(new Object[] {run.id().toString(), slot, seq++, RunStore.JSON.writeValueAsString(key)});
        }
        insertKeys(run, rows);
    }

    /** Every slot's keys in one batch, numbered from 1 per slot, while this node holds the run's lease. */
    public void addKeys(StoredRun run, Map<Integer, List<List<Object>>> keys) {
        var rows = new ArrayList<Object[]>();
        keys.forEach((slot, list) -> {
            long seq = 1;
            for (var key : list) {
                rows.add(new Object[] {run.id().toString(), slot, seq++, RunStore.JSON.writeValueAsString(key)});
            }
        });
        insertKeys(run, rows);
    }

    private void insertKeys(StoredRun run, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(s -> {
            LeaseFence.hold(jdbc, run);
            template.batchUpdate(
                    "INSERT INTO connectors_run_key (run_id, step, seq, row_key) VALUES (?, ?, ?, ?)", rows);
        });
    }

    public List<Key> keys(UUID id, int slot, long after, int limit) {
        return jdbc.sql("SELECT seq, row_key FROM connectors_run_key WHERE run_id = ? AND step = ? AND seq > ?"
                        + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")
                .params(id.toString(), slot, after)
                .query((rs, n) -> new Key(
                        rs.getLong("seq"),
                        RunStore.JSON.readValue(rs.getString("row_key"), new TypeReference<List<Object>>() {})))
                .list();
    }
}
