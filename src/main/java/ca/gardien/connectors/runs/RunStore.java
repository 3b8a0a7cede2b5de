package ca.gardien.connectors.runs;

import ca.gardien.connectors.RunState;
import ca.gardien.connectors.Step;
import ca.gardien.shared.Phrase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Runs, their checkpoints and their key sets, in Gardien's own database. */
@Repository
public class RunStore {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Key(long seq, List<Object> values) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Records a new run, held by this node until {@code lease} (it carries it on at once). */
    public void insert(StoredRun run, Instant lease) {
        jdbc.sql("INSERT INTO connectors_run (id, connector_id, action, status, request, step_index, step_cursor,"
                        + " attempts, lease_until, actor_kind, actor_id, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)")
                .params(
                        run.id().toString(),
                        run.connector(),
                        StoredRun.column(run.action()),
                        StoredRun.column(run.status()),
                        run.request(),
                        at(lease),
                        run.actor().kind().name(),
                        run.actor().id(),
                        at(run.createdAt()),
                        at(run.updatedAt()))
                .update();
    }

    public Optional<StoredRun> find(UUID id) {
        return jdbc.sql("SELECT * FROM connectors_run WHERE id = ?")
                .param(id.toString())
                .query((rs, n) -> StoredRun.read(rs))
                .optional();
    }

    /**
     * Takes the run for this node until {@code until}, unless another node holds an unexpired lease on it; a pending
     * run becomes COLLECTING.
     */
    boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("UPDATE connectors_run SET lease_until = ?, status = CASE status WHEN ? THEN ? ELSE status END"
                                + " WHERE id = ? AND status IN (?, ?, ?) AND (lease_until IS NULL OR lease_until < ?)"
                                + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")
                        .params(
                                at(until),
                                StoredRun.column(RunState.PENDING),
                                StoredRun.column(RunState.COLLECTING),
                                id.toString())
                        .params(columns(RunState.PENDING, RunState.COLLECTING, RunState.APPLYING))
                        .params(at(now), at(now))
                        .update()
                == 1;
    }

    /** Runs that no live node holds and whose retry time has come. */
    List<UUID> resumable(Instant now) {
        return jdbc
                .sql(
                        "SELECT id FROM connectors_run WHERE status IN (?, ?, ?)"
                                + " AND (lease_until IS NULL OR lease_until < ?) AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")
                .params(columns(RunState.PENDING, RunState.COLLECTING, RunState.APPLYING))
                .params(at(now), at(now))
                .query(String.class)
                .list()
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    public void collected(UUID id, List<Step> steps, Instant now, Instant lease) {
        jdbc.sql("UPDATE connectors_run SET status = ?, steps = ?, step_index = 0, step_cursor = 0,"
                        + " counts = NULL, updated_at = ?, lease_until = ? WHERE id = ?")
                .params(
                        StoredRun.column(RunState.APPLYING),
                        JSON.writeValueAsString(steps),
                        at(now),
                        at(lease),
                        id.toString())
                .update();
    }

    /** The checkpoint after a batch committed on the target: where the next batch starts and what is done so far. */
    public void checkpoint(UUID id, int stepIndex, long cursor, Map<Integer, Long> done, Instant now, Instant lease) {
        jdbc.sql("UPDATE connectors_run SET step_index = ?, step_cursor = ?, counts = ?, failure = NULL, attempts = 0,"
                        + " next_attempt_at = NULL, updated_at = ?, lease_until = ? WHERE id = ?")
                .params(stepIndex, cursor, JSON.writeValueAsString(done), at(now), at(lease), id.toString())
                .update();
    }

    void completed(UUID id, List<Step> steps, String packageSha256, Instant now) {
        jdbc.sql("UPDATE connectors_run SET status = ?, steps = ?, request = NULL, package_sha256 = ?,"
                        + " failure = NULL, lease_until = NULL, updated_at = ? WHERE id = ?")
                .params(
                        StoredRun.column(RunState.COMPLETED),
                        JSON.writeValueAsString(steps),
                        packageSha256,
                        at(now),
                        id.toString())
                .update();
        jdbc.sql("DELETE FROM connectors_run_key WHERE run_id = ?")
                .param(id.toString())
                .update();
    }

    void failed(UUID id, Phrase failure, int attempts, Instant nextAttempt, boolean giveUp, Instant now) {
        jdbc.sql("UPDATE connectors_run SET status = CASE WHEN ? THEN ? ELSE status END, failure = ?,"
                        + " attempts = ?, next_attempt_at = ?, lease_until = NULL, updated_at = ? WHERE id = ?")
                .params(
                        giveUp,
                        StoredRun.column(RunState.FAILED),
                        failure.stored(),
                        attempts,
                        at(nextAttempt),
                        at(now),
                        id.toString())
                .update();
        if (giveUp) { // the run is over: forget the identifiers and the keys, as for a completed run
            jdbc.sql("UPDATE connectors_run SET request = NULL WHERE id = ?")
                    .param(id.toString())
                    .update();
            deleteKeys(id);
        }
    }

    /** Marks the run's export package deleted; false if it was already marked (by another node). */
    public boolean packageDeleted(UUID id, Instant now) {
        return jdbc.sql("UPDATE connectors_run SET package_deleted_at = ? WHERE id = ? AND package_deleted_at IS NULL")
                        .params(at(now), id.toString())
                        .update()
                == 1;
    }

    /**
     * Takes a dispatched run for its outcome in the caller's transaction: false when it is not (or no longer)
     * dispatched. The row stays locked until the transaction ends, so two reports for one run cannot both pass.
     */
    public boolean takeDispatched(UUID id, Instant now) {
        return jdbc.sql("UPDATE connectors_run SET updated_at = ? WHERE id = ? AND status IN (?, ?, ?)")
                        .params(at(now), id.toString())
                        .params(columns(RunState.DISPATCHED, RunState.PENDING, RunState.COLLECTING))
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

    /** Marks the run dispatched unless a report already ended it; false then. */
    boolean dispatched(UUID id, Instant now) {
        return jdbc.sql("UPDATE connectors_run SET status = ?, updated_at = ?, lease_until = NULL"
                                + " WHERE id = ? AND status IN (?, ?)")
                        .params(StoredRun.column(RunState.DISPATCHED), at(now), id.toString())
                        .params(columns(RunState.PENDING, RunState.COLLECTING))
                        .update()
                == 1;
    }

    void renew(UUID id, Instant lease) {
        jdbc.sql("UPDATE connectors_run SET lease_until = ? WHERE id = ?")
                .params(at(lease), id.toString())
                .update();
    }

    public void deleteKeys(UUID id) {
        jdbc.sql("DELETE FROM connectors_run_key WHERE run_id = ?")
                .param(id.toString())
                .update();
    }

    public void addKeys(UUID id, int slot, long firstSeq, List<List<Object>> keys) {
        var rows = new ArrayList<Object[]>(keys.size());
        long seq = firstSeq;
        for (var key : keys) {
            rows.add(new Object[] {id.toString(), slot, seq++, JSON.writeValueAsString(key)});
        }
        template.batchUpdate("INSERT INTO connectors_run_key (run_id, step, seq, row_key) VALUES (?, ?, ?, ?)", rows);
    }

    /** Every slot's keys in one batch, numbered from 1 per slot. */
    public void addKeys(UUID id, Map<Integer, List<List<Object>>> keys) {
        var rows = new ArrayList<Object[]>();
        keys.forEach((slot, list) -> {
            long seq = 1;
            for (var key : list) {
                rows.add(new Object[] {id.toString(), slot, seq++, JSON.writeValueAsString(key)});
            }
        });
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO connectors_run_key (run_id, step, seq, row_key) VALUES (?, ?, ?, ?)", rows);
        }
    }

    public List<Key> keys(UUID id, int slot, long after, int limit) {
        return jdbc.sql("SELECT seq, row_key FROM connectors_run_key WHERE run_id = ? AND step = ? AND seq > ?"
                        + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")
                .params(id.toString(), slot, after)
                .query((rs, n) -> new Key(
                        rs.getLong("seq"),
                        JSON.readValue(rs.getString("row_key"), new TypeReference<List<Object>>() {})))
                .list();
    }

    private static List<String> columns(RunState... states) {
        return java.util.Arrays.stream(states).map(StoredRun::column).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
