package ca.gardien.retention;

import ca.gardien.connectors.SweptBatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code retention_run} rows. Every write a sweeping node makes is fenced by the lease it took (owner and
 * generation in the {@code WHERE} clause): a node paused past its lease finds its writes refused ({@link LeaseLost}),
 * and the batch it was about to commit on the target rolls back with them.
 */
@Component
class RetentionRunStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FENCE = " AND lease_owner = ? AND lease_generation = ?";
    private static final String COLUMNS =
            "id, rule_id, scope_sha256, dry_run, status, cutoff, requested_by, requested_at,"
                    + " finished_at, estimated, counts, table_index, last_key, pending, failure, summary_sha256, approved_by,"
                    + " approved_at, lease_owner, lease_generation, lease_until";

    /** A batch whose target transaction may not have committed: the table it was on and what it did. */
    record Pending(int tableIndex, SweptBatch batch) {}

    /** The node taking leases: one identifier per process. */
    final String node = UUID.randomUUID().toString();

    private final JdbcClient jdbc;
    private final ca.gardien.connectors.SecretBox box;

    /** Keys can be personal (an email as primary key): checkpoints and pending batches are sealed like identifiers. */
    RetentionRunStore(JdbcClient jdbc, ca.gardien.connectors.SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    void insert(RetentionRun run) {
        jdbc.sql("INSERT INTO retention_run (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0, NULL, NULL,"
                        + " NULL, NULL, ?, ?, NULL, 0, NULL)")
                .params(
                        run.id(),
                        run.rule(),
                        run.scope(),
                        run.dryRun(),
                        run.status().name(),
                        at(run.cutoff()),
                        run.requestedBy())
                .params(at(run.requestedAt()), run.estimated(), json(run.counts()), run.approvedBy())
                .params(at(run.approvedAt()))
                .update();
    }

    Optional<RetentionRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_run WHERE id = ?")
                .param(id)
                .query(this::read)
                .optional();
    }

    RetentionRun.Status status(UUID id) {
        return RetentionRun.Status.valueOf(jdbc.sql("SELECT status FROM retention_run WHERE id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    List<RetentionRun> list(String rule, int limit) {
        var where = rule == null ? "" : " WHERE rule_id = ?";
        var query = jdbc.sql(
                "SELECT " + COLUMNS + " FROM retention_run" + where + " ORDER BY requested_at DESC, id LIMIT " + limit);
        if (rule != null) query = query.param(rule);
        return query.query(this::read).list();
    }

    /** Runs of this rule still sweeping or paused. */
    long active(String rule) {
        return jdbc.sql("SELECT COUNT(*) FROM retention_run WHERE rule_id = ? AND status IN ('RUNNING', 'PAUSED')")
                .param(rule)
                .query(Long.class)
                .single();
    }

    /** Takes the run for this node, unless another node holds an unexpired lease on it. */
    Optional<RetentionRun> claim(UUID id, Instant now, Instant until) {
        int n = jdbc.sql("UPDATE retention_run SET lease_owner = ?, lease_generation = lease_generation + 1,"
                        + " lease_until = ? WHERE id = ? AND status = 'RUNNING'"
                        + " AND (lease_until IS NULL OR lease_until < ?)")
                .params(node, at(until), id, at(now))
                .update();
        return n == 1 ? find(id) : Optional.empty();
    }

    /** Running runs no live node holds. */
    List<UUID> orphaned(Instant now) {
        return jdbc.sql("SELECT id FROM retention_run WHERE status = 'RUNNING'"
                        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY requested_at")
                .param(at(now))
                .query(UUID.class)
                .list();
    }

    /** Records the batch about to commit on the target; throws if the lease was lost. */
    void pending(RetentionRun run, int tableIndex, SweptBatch batch, Instant until) {
        fenced(
                run,
                jdbc.sql("UPDATE retention_run SET pending = ?, lease_until = ? WHERE id = ?" + FENCE)
                        .params(
                                box.seal(json(new Pending(tableIndex, batch))),
                                at(until),
                                run.id(),
                                node,
                                run.generation())
                        .update());
    }

    /** Counts a batch that took effect (or was read, for a dry run) and moves the checkpoint past it. */
    void settle(RetentionRun run, int tableIndex, RetentionRun.Counts counts, List<String> last, Instant until) {
        fenced(
                run,
                jdbc.sql("UPDATE retention_run SET counts = ?, table_index = ?, last_key = ?, pending = NULL,"
                                + " lease_until = ? WHERE id = ?" + FENCE)
                        .params(
                                json(counts),
                                tableIndex,
                                last == null ? null : box.seal(json(last)),
                                at(until),
                                run.id())
                        .params(node, run.generation())
                        .update());
    }

    /** Drops a pending batch that never committed on the target. */
    void dropPending(RetentionRun run) {
        fenced(
                run,
                jdbc.sql("UPDATE retention_run SET pending = NULL WHERE id = ?" + FENCE)
                        .params(run.id(), node, run.generation())
                        .update());
    }

    void finish(RetentionRun run, RetentionRun.Status status, Instant at, String failure, String sha) {
        fenced(
                run,
                jdbc.sql("UPDATE retention_run SET status = ?, finished_at = ?, failure = ?, summary_sha256 = ?,"
                                + " lease_until = NULL WHERE id = ? AND status IN ('RUNNING', 'PAUSED')" + FENCE)
                        .params(status.name(), at(at), failure, sha, run.id(), node, run.generation())
                        .update());
    }

    /** Lets go of a paused run so that any node may take it when it is resumed. */
    void release(RetentionRun run) {
        jdbc.sql("UPDATE retention_run SET lease_until = NULL WHERE id = ?" + FENCE)
                .params(run.id(), node, run.generation())
                .update();
    }

    /** The officer's pause and resume: between RUNNING and PAUSED only. */
    boolean move(UUID id, RetentionRun.Status from, RetentionRun.Status to) {
        return jdbc.sql("UPDATE retention_run SET status = ? WHERE id = ? AND status = ?")
                        .params(to.name(), id, from.name())
                        .update()
                == 1;
    }

    /** Records the approval of a run not approved yet; false when it already was (its first approver stays). */
    boolean approve(UUID id, String actor, Instant at) {
        return jdbc.sql(
                                "UPDATE retention_run SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_at IS NULL")
                        .params(actor, at(at), id)
                        .update()
                == 1;
    }

    private static void fenced(RetentionRun run, int updated) {
        if (updated != 1) {
            throw new LeaseLost(run.id());
        }
    }

    private RetentionRun read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var last = rs.getString("last_key");
        var pending = rs.getString("pending");
        return new RetentionRun(
                rs.getObject("id", UUID.class),
                rs.getString("rule_id"),
                rs.getString("scope_sha256"),
                rs.getBoolean("dry_run"),
                RetentionRun.Status.valueOf(rs.getString("status")),
                instant(rs, "cutoff"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "finished_at"),
                rs.getLong("estimated"),
                JSON.readValue(rs.getString("counts"), RetentionRun.Counts.class),
                rs.getInt("table_index"),
                last == null ? null : JSON.readValue(box.open(last), new TypeReference<List<String>>() {}),
                pending == null ? null : JSON.readValue(box.open(pending), Pending.class),
                rs.getString("failure"),
                rs.getString("summary_sha256"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                rs.getLong("lease_generation"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** This node no longer holds the run's lease: another node took it over. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("lease on retention run " + id + " lost");
        }
    }
}
