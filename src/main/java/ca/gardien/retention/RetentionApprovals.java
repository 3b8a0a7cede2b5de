package ca.gardien.retention;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a rule may be swept for real: the officer approved a dry run of the rule as it stands now (its scope: the
 * duration, disposal and tables), and the latest dry run of that scope found at most {@code jumpFactor} times the
 * approved count, or was itself approved. The rule's schedule row serializes the runs of one rule across nodes.
 */
@Component
class RetentionApprovals {

    private final RetentionRunStore store;
    private final RetentionSchedules schedules;
    private final RetentionProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    RetentionApprovals(
            RetentionRunStore store,
            RetentionSchedules schedules,
            RetentionProperties properties,
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.store = store;
        this.schedules = schedules;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Withdraws the approval of a dry run that the rule's real runs follow: none starts until a dry run is approved
     * again (this one included). Refused (409) when it is not the approval the rule follows, or when a real run started
     * already: the update is conditional on none sweeping or paused, under the rule's schedule row lock that a starting
     * run takes too.
     */
    RetentionRun withdraw(UUID id, Actor actor) {
        var run = store.find(id).orElseThrow(() -> new NotFoundException("retention.object.run", id));
        transactions.executeWithoutResult(s -> {
            lockSchedule(run.rule());
            int withdrawn = jdbc.sql("UPDATE retention_schedule SET approved_run = NULL, approved_total = NULL,"
                            + " approved_scope = NULL WHERE rule_id = ? AND approved_run = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM retention_run WHERE rule_id = ? AND dry_run = ?"
                            + " AND status IN ('RUNNING', 'PAUSED'))")
                    .params(run.rule(), id, run.rule(), false)
                    .update();
            if (withdrawn == 0) {
                throw new ConflictException(
                        follows(run.rule(), id) ? "retention.withdraw-run-started" : "retention.withdraw-not-approved");
            }
            // the dry run may be approved again; the ledger keeps who approved it and who withdrew it
            jdbc.sql("UPDATE retention_run SET approved_by = NULL, approved_at = NULL WHERE id = ?")
                    .param(id)
                    .update();
            events.publishEvent(Evidence.of(
                    clock.instant(),
                    actor,
                    "retention.approval.withdrawn",
                    "retention-run",
                    id,
                    Map.of("rule", run.rule())));
        });
        return store.find(id).orElseThrow();
    }

    /** Whether the rule's real runs follow this dry run's approval. */
    private boolean follows(String rule, UUID run) {
        return jdbc.sql("SELECT COUNT(*) FROM retention_schedule WHERE rule_id = ? AND approved_run = ?")
                        .params(rule, run)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether the rule's latest dry run must be approved before a real run may follow. */
    boolean awaitingApproval(String ruleId) {
        var schedule = schedules.get(ruleId);
        var latest = latestDryRun(ruleId, schedule.scope());
        if (latest == null) return false;
        var approved = approvedTotal(schedule);
        return approved == null || !withinBound(latest, approved);
    }

    /** @param expired the rows expired now in the rule's tables (held ones included): a real run's own count */
    void requireApproval(RetentionSchedules.Schedule schedule, long expired) {
        var approved = approvedTotal(schedule);
        if (approved == null) {
            throw new ConflictException("retention.approval-needed");
        }
        var latest = latestDryRun(schedule.rule().id(), schedule.scope());
        if (latest != null && !withinBound(latest, approved)) {
            throw new ConflictException("retention.approval-again", latest.done(), approved);
        }
        // no dry run since: the real run's own count is held to the same bound
        if (expired > Math.max(1, approved) * properties.jumpFactor()) {
            throw new ConflictException("retention.approval-again", expired, approved);
        }
    }

    private boolean withinBound(RetentionRun dry, long approvedTotal) {
        return dry.approvedAt() != null || dry.done() <= Math.max(1, approvedTotal) * properties.jumpFactor();
    }

    /** The rule's latest completed dry run over the same scope (tables, duration, disposal). */
    RetentionRun latestDryRun(String ruleId, String scope) {
        return store.list(ruleId, 50).stream()
                .filter(r -> r.dryRun()
                        && r.status() == RetentionRun.Status.COMPLETED
                        && r.scope().equals(scope))
                .findFirst()
                .orElse(null);
    }

    /** The count the officer approved for the rule as it stands now; none when its scope changed since. */
    Long approvedTotal(RetentionSchedules.Schedule schedule) {
        return jdbc.sql("SELECT approved_total FROM retention_schedule WHERE rule_id = ? AND approved_scope = ?")
                .params(schedule.rule().id(), schedule.scope())
                .query((rs, n) -> (Long) rs.getObject(1, Long.class))
                .optional()
                .orElse(null);
    }

    /** When the rule's next scheduled dry run is due; empty before its first check. */
    java.util.Optional<java.time.Instant> nextDue(String rule) {
        return jdbc.sql("SELECT next_due FROM retention_schedule WHERE rule_id = ?")
                .param(rule)
                .query(java.time.OffsetDateTime.class)
                .optional()
                .map(java.time.OffsetDateTime::toInstant);
    }

    /** Who approved the dry run the rule's real runs follow, and when; empty without an approval of its scope. */
    java.util.Optional<RetentionRun> approvedRun(RetentionSchedules.Schedule schedule, RetentionRunStore store) {
        return jdbc.sql("SELECT approved_run FROM retention_schedule WHERE rule_id = ? AND approved_scope = ?")
                .params(schedule.rule().id(), schedule.scope())
                .query(java.util.UUID.class)
                .optional()
                .flatMap(store::find);
    }

    /**
     * The rule's schedule row, its first period due now (the scheduled dry run follows within a check), created on its
     * own: a failed insert would end a PostgreSQL transaction.
     */
    void ensureSchedule(String ruleId) {
        try {
            jdbc.sql("INSERT INTO retention_schedule (rule_id, next_due) SELECT ?, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM retention_schedule WHERE rule_id = ?)")
                    .params(ruleId, RetentionRunStore.at(clock.instant()), ruleId)
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another node created it at the same moment
        }
    }

    /** The rule's schedule row, locked until the transaction ends. */
    void lockSchedule(String ruleId) {
        jdbc.sql("SELECT rule_id FROM retention_schedule WHERE rule_id = ? FOR UPDATE")
                .param(ruleId)
                .query(String.class)
                .single();
    }
}
