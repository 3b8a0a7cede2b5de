package ca.gardien.retention;

import ca.gardien.connectors.ExpirySweeps;
import ca.gardien.ledger.Evidence;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, approves, pauses and resumes runs. A rule's real run needs an approved dry run: the officer approves a dry
 * run's counts, and a later dry run finding more than {@code jumpFactor} times the approved count waits for approval
 * again. One run of a rule at a time: the rule's schedule row is locked while a run is started.
 */
@Service
public class RetentionRuns {

    static final String SCHEDULER = "system:gardien";

    private final RetentionRunStore store;
    private final RetentionSchedules schedules;
    private final ExpirySweeps sweeps;
    private final RetentionSweeper sweeper;
    private final OrganizationTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final RetentionApprovals approvals;
    private final RetentionAnonymizations anonymizations;
    private final Clock clock;

    RetentionRuns(
            RetentionRunStore store,
            RetentionSchedules schedules,
            ExpirySweeps sweeps,
            RetentionSweeper sweeper,
            OrganizationTime time,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            RetentionApprovals approvals,
            RetentionAnonymizations anonymizations,
            Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.sweeps = sweeps;
        this.sweeper = sweeper;
        this.time = time;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.anonymizations = anonymizations;
        this.clock = clock;
    }

    /** Starts a run of the rule; a real run only once a dry run is approved and the last one is within bounds. */
    RetentionRun start(String ruleId, boolean dryRun, Actor actor) {
        var schedule = schedules.get(ruleId);
        if (schedule.tables().isEmpty()) {
            throw new ca.gardien.shared.InvalidInputException("rule", "retention.field.rule-without-tables");
        }
        var cutoff = schedule.cutoff(clock, time.zone());
        var counts = new ArrayList<RetentionRun.TableCount>();
        long estimated = 0;
        for (var t : schedule.tables()) {
            var target = new ExpirySweeps.Target(t.connector(), t.table(), t.triggerColumn(), schedule.anonymize());
            long expired;
            try {
                expired = sweeps.open(target, Map.of(), java.util.Set.of(), actor, true)
                        .expired(cutoff);
            } catch (java.sql.SQLException e) {
                throw new ConflictException("retention.target-unavailable", t.connector());
            } catch (ca.gardien.shared.InvalidInputException e) {
                throw new ConflictException(
                        "retention.table-not-sweepable",
                        t.key(),
                        e.errors().getFirst().field());
            }
            estimated += expired;
            counts.add(new RetentionRun.TableCount(t.key(), expired, Map.of(), Map.of(), 0, 0));
        }
        approvals.ensureSchedule(ruleId);
        // a real run carries who approved the dry run it follows: its certificate names them
        var approval = dryRun ? java.util.Optional.<RetentionRun>empty() : approvals.approvedRun(schedule, store);
        var now = clock.instant();
        var run = new RetentionRun(
                UUID.randomUUID(),
                ruleId,
                schedule.scope(),
                dryRun,
                RetentionRun.Status.RUNNING,
                cutoff,
                who(actor),
                now,
                null,
                estimated,
                new RetentionRun.Counts(counts),
                0,
                null,
                null,
                null,
                null,
                approval.map(RetentionRun::approvedBy).orElse(null),
                approval.map(RetentionRun::approvedAt).orElse(null),
                0);
        transactions.executeWithoutResult(s -> {
            approvals.lockSchedule(ruleId);
            if (store.active(ruleId) > 0) {
                throw new ConflictException("retention.run-in-progress");
            }
            if (!dryRun) {
                approvals.requireApproval(schedule, run.estimated());
                if (!anonymizations.mayRun(schedule)) {
                    throw new ConflictException("retention.anonymization-needed");
                }
            }
            store.insert(run);
            events.publishEvent(Evidence.of(
                    now,
                    actor,
                    "retention.run.started",
                    "retention-run",
                    run.id(),
                    Map.of("rule", ruleId, "dryRun", String.valueOf(dryRun), "cutoff", cutoff.toString())));
        });
        sweeper.submit(run.id());
        return run;
    }

    /** Approves a completed dry run's counts as the rule's baseline: real runs may follow. */
    RetentionRun approve(UUID id, Actor actor) {
        approvals.ensureSchedule(get(id).rule());
        transactions.executeWithoutResult(s -> {
            var run = get(id);
            if (!run.dryRun() || run.status() != RetentionRun.Status.COMPLETED) {
                throw new ConflictException("retention.approve-completed-dry-run");
            }
            approvals.lockSchedule(run.rule());
            var latest = approvals.latestDryRun(run.rule(), run.scope());
            if (latest == null
                    || !latest.id().equals(id)
                    || !run.scope().equals(schedules.get(run.rule()).scope())) {
                throw new ConflictException("retention.approve-latest");
            }
            var now = clock.instant();
            if (!store.approve(id, who(actor), now)) { // approved once: the certificate names its first approver
                throw new ConflictException("retention.approve-once");
            }
            jdbc.sql("UPDATE retention_schedule SET approved_run = ?, approved_total = ?, approved_scope = ?"
                            + " WHERE rule_id = ?")
                    .params(id, run.done(), run.scope(), run.rule())
                    .update();
            events.publishEvent(Evidence.of(
                    now,
                    actor,
                    "retention.dry-run.approved",
                    "retention-run",
                    id,
                    Map.of(
                            "rule",
                            run.rule(),
                            "swept",
                            String.valueOf(run.counts().swept()))));
        });
        return get(id);
    }

    RetentionRun pause(UUID id, Actor actor) {
        return move(id, RetentionRun.Status.RUNNING, RetentionRun.Status.PAUSED, "retention.run.paused", actor);
    }

    RetentionRun resume(UUID id, Actor actor) {
        var run = move(id, RetentionRun.Status.PAUSED, RetentionRun.Status.RUNNING, "retention.run.resumed", actor);
        sweeper.submit(id);
        return run;
    }

    RetentionRun get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("retention.object.run", id));
    }

    java.util.Optional<RetentionRun> find(UUID id) {
        return store.find(id);
    }

    boolean awaitingApproval(String ruleId) {
        return approvals.awaitingApproval(ruleId);
    }

    void ensureSchedule(String ruleId) {
        approvals.ensureSchedule(ruleId);
    }

    List<RetentionRun> list(String rule) {
        return store.list(rule, 200);
    }

    /** The rule's {@code n} latest runs, newest first: a page or tile needs a few, not the 200 of the list. */
    List<RetentionRun> latest(String rule, int n) {
        return store.list(rule, n);
    }

    /** After a scheduled dry run: the real run starts when the count stays within the approved bound. */
    void afterScheduledDryRun(String ruleId, UUID dryRun) {
        if (!approvals.awaitingApproval(ruleId)) {
            try {
                start(ruleId, false, Actor.SYSTEM);
            } catch (ConflictException e) {
                // another run of the rule started meanwhile
            }
        }
    }

    private RetentionRun move(UUID id, RetentionRun.Status from, RetentionRun.Status to, String action, Actor actor) {
        get(id);
        transactions.executeWithoutResult(s -> {
            if (!store.move(id, from, to)) {
                throw new ConflictException("retention.run-not-" + from.name().toLowerCase(Locale.ROOT));
            }
            events.publishEvent(Evidence.of(clock.instant(), actor, action, "retention-run", id, Map.of()));
        });
        return get(id);
    }

    static String who(Actor actor) {
        return actor.kind().name().toLowerCase(Locale.ROOT) + ":" + actor.id();
    }
}
