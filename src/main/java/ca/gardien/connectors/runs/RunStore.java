package ca.gardien.connectors.runs;

import ca.gardien.connectors.RunState;
import ca.gardien.connectors.Step;
import ca.gardien.shared.Phrase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs, their checkpoints and their key sets, in Gardien's own database. Every write for a run a node carries is fenced
 * by the {@link Lease} it holds (owner and generation in the {@code WHERE} clause): once another node has claimed the
 * run, the write changes nothing and throws {@link LeaseLost}, in the transaction that would have recorded the ledger
 * fact tied to it, so that fact is not recorded either.
 */
@Repository
public class RunStore {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RunKeyStore keys;
    /** This node, as the owner of the leases it takes: one identifier per process, never reused. */
    private final String node = UUID.randomUUID().toString();

    RunStore(JdbcClient jdbc, RunKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The lease of a run this node records and carries on at once: the first generation. */
    public Lease firstLease() {
        return new Lease(node, 1);
    }

    /** Whether this node took {@code lease}. */
    boolean mine(Lease lease) {
        return lease != null && node.equals(lease.owner());
    }

    /** Records a new run, held by this node until {@code lease} (it carries it on at once). */
    public void insert(StoredRun run, Instant lease) {
        jdbc.sql("INSERT INTO connectors_run (id, connector_id, action, status, request, step_index, step_cursor,"
                        + " attempts, lease_until, actor_kind, actor_id, created_at, updated_at, lease_owner,"
                        + " lease_generation) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)")
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
                        at(run.updatedAt()),
                        run.lease().owner(),
                        run.lease().generation())
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
     * run becomes COLLECTING. The claim takes the next generation of the lease: whoever held it before can no longer
     * write for the run.
     */
    boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("UPDATE connectors_run SET lease_until = ?, lease_owner = ?,"
                                + " lease_generation = lease_generation + 1,"
                                + " status = CASE status WHEN ? THEN ? ELSE status END"
                                + " WHERE id = ? AND status IN (?, ?, ?) AND (lease_until IS NULL OR lease_until < ?)"
                                + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")
                        .params(
                                at(until),
                                node,
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

    public void collected(StoredRun run, List<Step> steps, Instant now, Instant lease) {
        LeaseFence.check(
                run,
                jdbc.sql("UPDATE connectors_run SET status = ?, steps = ?, step_index = 0, step_cursor = 0,"
                                + " counts = NULL, updated_at = ?, lease_until = ? WHERE id = ?" + LeaseFence.CLAUSE)
                        .params(
                                StoredRun.column(RunState.APPLYING),
                                JSON.writeValueAsString(steps),
                                at(now),
                                at(lease),
                                run.id().toString())
                        .params(LeaseFence.holder(run))
                        .update());
    }

    /** The checkpoint after a batch committed on the target: where the next batch starts and what is done so far. */
    public void checkpoint(
            StoredRun run, int stepIndex, long cursor, Map<Integer, Long> done, Instant now, Instant lease) {
        LeaseFence.check(
                run,
                jdbc.sql("UPDATE connectors_run SET step_index = ?, step_cursor = ?, counts = ?, failure = NULL,"
                                + " attempts = 0, next_attempt_at = NULL, updated_at = ?, lease_until = ?"
                                + " WHERE id = ?" + LeaseFence.CLAUSE)
                        .params(
                                stepIndex,
                                cursor,
                                JSON.writeValueAsString(done),
                                at(now),
                                at(lease),
                                run.id().toString())
                        .params(LeaseFence.holder(run))
                        .update());
    }

    void completed(StoredRun run, List<Step> steps, String packageSha256, Instant now) {
        LeaseFence.check(
                run,
                jdbc.sql("UPDATE connectors_run SET status = ?, steps = ?, request = NULL, package_sha256 = ?,"
                                + " failure = NULL, lease_until = NULL, updated_at = ? WHERE id = ?"
                                + LeaseFence.CLAUSE)
                        .params(
                                StoredRun.column(RunState.COMPLETED),
                                JSON.writeValueAsString(steps),
                                packageSha256,
                                at(now),
                                run.id().toString())
                        .params(LeaseFence.holder(run))
                        .update());
        keys.deleteAll(run.id());
    }

    void failed(StoredRun run, Phrase failure, int attempts, Instant nextAttempt, boolean giveUp, Instant now) {
        LeaseFence.check(
                run,
                jdbc.sql("UPDATE connectors_run SET status = CASE WHEN ? THEN ? ELSE status END, failure = ?,"
                                + " attempts = ?, next_attempt_at = ?, lease_until = NULL, updated_at = ?"
                                + " WHERE id = ?" + LeaseFence.CLAUSE)
                        .params(
                                giveUp,
                                StoredRun.column(RunState.FAILED),
                                failure.stored(),
                                attempts,
                                at(nextAttempt),
                                at(now),
                                run.id().toString())
                        .params(LeaseFence.holder(run))
                        .update());
        if (giveUp) { // the run is over: forget the identifiers and the keys, as for a completed run
            jdbc.sql("UPDATE connectors_run SET request = NULL WHERE id = ?")
                    .param(run.id().toString())
                    .update();
            keys.deleteAll(run.id());
        }
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

    /**
     * Marks the run dispatched unless a report already ended it or another node took it over; false then (the report
     * or the new holder records what follows).
     */
    boolean dispatched(StoredRun run, Instant now) {
        return jdbc.sql("UPDATE connectors_run SET status = ?, updated_at = ?, lease_until = NULL"
                                + " WHERE id = ? AND status IN (?, ?)" + LeaseFence.CLAUSE)
                        .params(
                                StoredRun.column(RunState.DISPATCHED),
                                at(now),
                                run.id().toString())
                        .params(columns(RunState.PENDING, RunState.COLLECTING))
                        .params(LeaseFence.holder(run))
                        .update()
                == 1;
    }

    /** Extends the lease this node holds on a run still under way; false once it is lost (or the run has ended). */
    boolean renew(StoredRun run, Instant lease) {
        return jdbc.sql("UPDATE connectors_run SET lease_until = ? WHERE id = ? AND status IN (?, ?, ?)"
                                + LeaseFence.CLAUSE)
                        .params(at(lease), run.id().toString())
                        .params(columns(RunState.PENDING, RunState.COLLECTING, RunState.APPLYING))
                        .params(LeaseFence.holder(run))
                        .update()
                == 1;
    }

    private static List<String> columns(RunState... states) {
        return java.util.Arrays.stream(states).map(StoredRun::column).toList();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
