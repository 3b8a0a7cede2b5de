package ca.gardien.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoint schedule that a verifier holds the ledger to (docs/ledger-format.md, section 6): the writer signs the
 * first batch, then the head whenever {@code everyEntries} entries are unsigned or {@code every} has passed since the
 * last checkpoint. A batch of up to {@code maxBatch} entries can overshoot the count, and clocks of different nodes
 * can differ by up to {@code margin}. A chain whose checkpoints are sparser than this had checkpoints removed.
 *
 * @param asOf when the export was taken, if the auditor knows it (null: only the export's own times are used)
 */
public record Cadence(int everyEntries, int maxBatch, Duration every, Duration margin, Instant asOf) {

    /** The defaults of {@code gardien.ledger.*} and of {@code verify-ledger}. */
    public static final Cadence DEFAULT = new Cadence(1000, 500, Duration.ofMinutes(5), Duration.ofMinutes(1), null);

    /** A problem found by a rule: the first sequence it makes untrustworthy, and why. */
    record Breach(long sequence, String problem) {}

    public Cadence {
        if (everyEntries < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("the checkpoint spacing and the batch size must be positive");
        }
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(margin, "margin");
        if (every.isNegative() || margin.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    Cadence withAsOf(Instant instant) {
        return new Cadence(everyEntries, maxBatch, every, margin, instant);
    }

    /** The most entries a checkpoint may be followed by before the next one: the spacing plus one batch. */
    long maxGap() {
        return (long) everyEntries + maxBatch;
    }

    /** Seconds after a checkpoint from which an entry must be signed by the checkpoint of its own batch. */
    long lateSeconds() {
        return every.plus(margin).toSeconds();
    }

    /** From when an entry after {@code previous} must be signed by the checkpoint of its own batch. */
    Instant lateFrom(Checkpoint previous) {
        return previous.signedAt().plusSeconds(lateSeconds());
    }

    /**
     * The time rule for one entry in chain order, given the last checkpoint before it (with its {@link #lateFrom}) and
     * the first at or after it. Before the first checkpoint only the first batch may come (it is always signed, at its
     * own time); after a checkpoint, an entry recorded {@link #lateSeconds()} or later was appended when a checkpoint was
     * due, so the checkpoint of its batch (signed at the entry's time) must exist.
     */
    Breach lateEntry(LedgerEntry e, Checkpoint previous, Instant lateFrom, Checkpoint next) {
        boolean signedWithItsBatch = next != null && next.signedAt().equals(e.recordedAt());
        if (previous == null) {
            return next == null || signedWithItsBatch
                    ? null
                    : new Breach(
                            e.sequence(),
                            "entry " + e.sequence()
                                    + " precedes the first checkpoint but was not appended in its batch:"
                                    + " a checkpoint was removed");
        }
        if (signedWithItsBatch || e.recordedAt().isBefore(lateFrom)) {
            return null;
        }
        return new Breach(
                e.sequence(),
                "entry " + e.sequence() + " was recorded more than " + lateSeconds() + " s after checkpoint "
                        + previous.sequence() + " and no checkpoint of its batch signs it: a checkpoint was removed");
    }

    /**
     * The count rules over the checkpoint sequences (ascending) of a chain of {@code entries} verified entries: at
     * least one checkpoint, the first within the first batch, no gap and no unsigned tail longer than
     * {@link #maxGap()}.
     */
    Breach spacing(List<Long> checkpoints, long entries) {
        if (entries == 0) {
            return null;
        }
        if (checkpoints.isEmpty()) {
            return new Breach(1, "the ledger has no signed checkpoint: its checkpoints were removed");
        }
        if (checkpoints.getFirst() > maxBatch) {
            return new Breach(
                    1,
                    "the first checkpoint is at " + checkpoints.getFirst() + ", after the first batch (at most "
                            + maxBatch + " entries): a checkpoint was removed");
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            long from = checkpoints.get(i - 1);
            long gap = checkpoints.get(i) - from;
            if (gap > maxGap()) {
                return new Breach(
                        from + 1,
                        gap + " entries between checkpoints " + from + " and " + checkpoints.get(i) + ", more than "
                                + maxGap() + ": a checkpoint was removed");
            }
        }
        long last = checkpoints.getLast();
        if (entries - last > maxGap()) {
            return new Breach(
                    last + 1,
                    (entries - last) + " entries after the last checkpoint " + last + ", more than " + maxGap()
                            + ": checkpoints were removed");
        }
        return null;
    }

    /**
     * With {@link #asOf}: the periodic tick signs unsigned entries within {@code every} (plus the margin, which covers
     * the tick's own period), so none may be older than that at the time of the export.
     */
    Breach overdue(Long lastCheckpoint, Instant oldestUnsigned) {
        if (asOf == null || lastCheckpoint == null || oldestUnsigned == null) {
            return null;
        }
        if (!oldestUnsigned.plusSeconds(lateSeconds()).isBefore(asOf)) {
            return null;
        }
        return new Breach(
                lastCheckpoint + 1,
                "entries after the last checkpoint " + lastCheckpoint + " were recorded more than " + lateSeconds()
                        + " s before the time of the export and are still unsigned: checkpoints were removed");
    }
}
