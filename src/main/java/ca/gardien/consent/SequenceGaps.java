package ca.gardien.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Sequence numbers a node's poll of the consent table passed without seeing a row: a record whose transaction had not
 * committed yet (sequence numbers are taken at insert, not at commit), or one rolled back. Each is asked for again at
 * every poll until it appears or has been missing for {@code patience}: a transaction held open that long (a node
 * paused, a database outage) is still seen when it commits, however late, which a window on the recorded time did not
 * guarantee (issue 21: an acknowledged consent never reached the other nodes after a node was paused). Rolled-back
 * numbers, which never appear, are forgotten after {@code patience}.
 */
final class SequenceGaps {

    /** At most this many gaps are kept (the oldest go first): rollbacks are rare, commits this late rarer still. */
    static final int MAX = 10_000;

    private final TreeMap<Long, Instant> missing = new TreeMap<>();
    private final Duration patience;

    SequenceGaps(Duration patience) {
        this.patience = patience;
    }

    /** The numbers to ask for again. */
    synchronized List<Long> pending() {
        return new ArrayList<>(missing.keySet());
    }

    /**
     * Records what a poll returned: numbers between the watermark before the poll and the highest number seen that did
     * not come back are gaps (on the first poll, only the last {@link #MAX} of them); numbers that came back are gaps no
     * longer.
     */
    synchronized void polled(long watermark, Collection<Long> seen, Instant now) {
        seen.forEach(missing::remove);
        long highest = seen.stream().mapToLong(Long::longValue).max().orElse(watermark);
        var returned = new java.util.HashSet<>(seen);
        for (long seq = Math.max(watermark + 1, highest - MAX); seq < highest; seq++) {
            if (!returned.contains(seq)) {
                missing.putIfAbsent(seq, now);
            }
        }
        missing.values().removeIf(since -> since.plus(patience).isBefore(now));
        while (missing.size() > MAX) {
            missing.pollFirstEntry();
        }
    }
}
