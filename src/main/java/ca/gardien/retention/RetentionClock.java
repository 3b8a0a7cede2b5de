package ca.gardien.retention;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's timers: runs left by a node that died are resumed by whichever node sees their lease expired; each rule
 * kept in tables is swept once per {@code sweep-every} across all nodes — a node claims the period by moving the
 * rule's {@code next_due} forward from the value it read (compare and set), then starts a dry run, which starts the
 * real run when its count stays within the approved bound.
 */
@Component
class RetentionClock {

    private static final Logger log = LoggerFactory.getLogger(RetentionClock.class);

    private final RetentionRunStore store;
    private final RetentionSweeper sweeper;
    private final RetentionSchedules schedules;
    private final RetentionRuns runs;
    private final RetentionProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionClock(
            RetentionRunStore store,
            RetentionSweeper sweeper,
            RetentionSchedules schedules,
            RetentionRuns runs,
            RetentionProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.sweeper = sweeper;
        this.schedules = schedules;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resume();
    }

    @Scheduled(
            fixedDelayString = "${gardien.retention.resume-every:5s}",
            initialDelayString = "${gardien.retention.resume-every:5s}")
    void resume() {
        store.orphaned(clock.instant()).forEach(sweeper::submit);
    }

    @Scheduled(
            fixedDelayString = "${gardien.retention.check-every:1m}",
            initialDelayString = "${gardien.retention.check-every:1m}")
    void tick() {
        if (properties.scheduled()) sweepDue();
    }

    /** Starts the dry run of every rule whose period has come; returns how many this node started. */
    int sweepDue() {
        int started = 0;
        for (var schedule : schedules.all()) {
            if (schedule.tables().isEmpty()) continue;
            var rule = schedule.rule().id();
            runs.ensureSchedule(rule);
            var now = clock.instant();
            var due = jdbc.sql("SELECT next_due FROM retention_schedule WHERE rule_id = ?")
                    .param(rule)
                    .query(java.time.OffsetDateTime.class)
                    .single();
            if (due.toInstant().isAfter(now)) continue;
            int claimed = jdbc.sql("UPDATE retention_schedule SET next_due = ? WHERE rule_id = ? AND next_due = ?")
                    .params(RetentionRunStore.at(now.plus(properties.sweepEvery())), rule, due)
                    .update();
            if (claimed != 1) continue; // another node took this period
            try {
                runs.start(rule, true, ca.gardien.shared.Actor.SYSTEM);
                started++;
            } catch (RuntimeException e) {
                log.warn(
                        "Retention: the scheduled dry run of {} did not start: {}",
                        rule,
                        e.getClass().getSimpleName());
            }
        }
        return started;
    }
}
