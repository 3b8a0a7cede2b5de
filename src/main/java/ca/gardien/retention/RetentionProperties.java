package ca.gardien.retention;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the retention module ({@code gardien.retention.*}).
 *
 * @param batchSize rows per target transaction: bounds how long a sweep holds its locks
 * @param pause the least wait between two batches, leaving the database to the application's own load
 * @param pauseRatio the wait after a batch as a multiple of the time the batch took, when longer than {@code pause}
 *     (as pt-archiver's {@code --sleep-coef}): a sweep takes at most 1 / (1 + ratio) of the time whatever its speed,
 *     and backs off by itself when the database slows down under the application's load; 0 for the fixed pause only
 * @param lease how long a node owns a run without renewing it; a run whose lease expired is resumed by any node
 * @param jumpFactor a dry run finding more than this many times the rows of the dry run last approved waits for
 *     approval again instead of sweeping
 * @param sweepEvery how often each rule is swept on schedule (a dry run, then the real run if its count is approved)
 * @param scheduled whether rules are swept on schedule at all (runs asked through the API and console always run)
 * @param reassessEvery how often the re-identification risk analysis of an anonymizing rule is to be updated; the
 *     Regulation asks for periodic updates without a period, so this is the organization's choice (12 months by
 *     default), not a legal deadline
 */
@ConfigurationProperties("gardien.retention")
public record RetentionProperties(
        Integer batchSize,
        Duration pause,
        Double pauseRatio,
        Duration lease,
        Double jumpFactor,
        Duration sweepEvery,
        Boolean scheduled,
        Period reassessEvery) {

    public RetentionProperties {
        batchSize = batchSize == null || batchSize < 1 ? 500 : Math.min(batchSize, 10_000);
        pause = pause == null || pause.isNegative() ? Duration.ofMillis(20) : pause;
        pauseRatio = pauseRatio == null || pauseRatio < 0 || pauseRatio.isNaN() ? 1.0 : Math.min(pauseRatio, 100.0);
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        jumpFactor = jumpFactor == null || jumpFactor < 1 ? 2.0 : jumpFactor;
        sweepEvery = sweepEvery == null ? Duration.ofDays(1) : sweepEvery;
        scheduled = scheduled == null || scheduled;
        reassessEvery = reassessEvery == null || reassessEvery.isNegative() || reassessEvery.isZero()
                ? Period.ofMonths(12)
                : reassessEvery;
    }

    /** The wait after a batch that took {@code took}: the longer of {@code pause} and {@code pauseRatio} times it. */
    public Duration pauseAfter(Duration took) {
        var proportional = Duration.ofNanos((long) (took.toNanos() * pauseRatio));
        return proportional.compareTo(pause) > 0 ? proportional : pause;
    }
}
