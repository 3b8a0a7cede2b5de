package ca.gardien.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.TemporalAmount;

/**
 * One kind of personal information that Gardien keeps for its own workflows (rights requests, complaints, the mail
 * outbox, consent records…) and the schedule on which Gardien destroys it. Each module that keeps such information
 * publishes one bean per kind; the retention page gathers them all ("Gardien's own data"), so that the officer reads
 * every period in one place and in words. The texts come from the message bundles under {@link Schedule#key()}: {@code
 * <key>.name}, {@code <key>.what} (what goes, what stays), {@code <key>.clock} (what starts the clock, after the
 * period: "after the request ended"; alone when there is no period) and {@code <key>.destroyed} (the count, its only
 * argument).
 */
public interface OwnDataSchedule {

    /** The schedule as it stands now: settings as configured, the last sweep this node ran. */
    Schedule schedule();

    /**
     * @param order where it is listed, lower first
     * @param key the bundle key prefix of its texts, e.g. {@code requests.own-data}
     * @param keepFor how long it is kept once its clock starts (a {@link Period} or a {@link Duration}); null when it
     *     goes as soon as the event of {@code <key>.clock} happens
     * @param setting the setting that changes {@code keepFor} (or, without a period, the one that decides when the
     *     event happens); null when no setting does
     * @param sweepEvery how often each node looks for what is due; null when the destruction follows an event
     * @param lastSweep when this node last swept; null before its first sweep since it started, or without sweeps
     * @param destroyed how many were destroyed so far, when counted; null otherwise
     */
    record Schedule(
            int order,
            String key,
            TemporalAmount keepFor,
            String setting,
            Duration sweepEvery,
            Instant lastSweep,
            Long destroyed) {

        public Schedule {
            if (key == null || !key.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
                throw new IllegalArgumentException("a schedule's texts are under a message bundle key");
            }
            if (keepFor != null && !(keepFor instanceof Period) && !(keepFor instanceof Duration)) {
                throw new IllegalArgumentException("a keeping period is a Period or a Duration");
            }
            if (setting != null && !setting.matches("gardien(\\.[a-z0-9-]+)+")) {
                throw new IllegalArgumentException("a setting is named as in application.yml");
            }
        }
    }
}
