package ca.gardien.consent;

import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Answers "may this person's information be used for this purpose now?" from memory. Records written on this node are
 * applied as soon as they commit; records written on other nodes are read by a poll of the consent table every
 * {@code gardien.consent.poll-every} (250 ms by default), which bounds how stale another node's answer can be. A poll
 * reads the rows past the highest sequence number seen and the numbers it skipped ({@link SequenceGaps}), so a record
 * whose transaction commits after a later one is applied when it commits, however late.
 */
@Service
public class ConsentDecisions implements SmartInitializingSingleton {

    private final DecisionIndex index;
    private final ConsentRecords records;
    private final Subjects subjects;
    private final ConsentProperties properties;
    private final Clock clock;
    private final AtomicLong watermark = new AtomicLong();
    private final SequenceGaps gaps;

    ConsentDecisions(ConsentRecords records, Subjects subjects, ConsentProperties properties, Clock clock) {
        this.records = records;
        this.subjects = subjects;
        this.properties = properties;
        this.clock = clock;
        this.gaps = new SequenceGaps(properties.gapPatience());
        this.index = new DecisionIndex(properties.retention().keepFor());
    }

    /**
     * The decision for a subject written {@code kind:value} (e.g. {@code email:someone@example.test}).
     *
     * @throws IllegalArgumentException when the subject is not a valid identifier
     */
    public Decision decide(String subject, String purpose) {
        var identifier = SubjectIdentifier.parse(subject, properties.phoneRegion());
        if (identifier == null) {
            throw new IllegalArgumentException("not an identifier");
        }
        return decide(identifier, purpose);
    }

    /**
     * A subject this node cached may have been destroyed by another node's keeping sweep since, and its identifier given
     * to a new subject: a decision that finds nothing for a cached subject asks the database who the identifier is now,
     * as it does for an identifier not cached.
     */
    Decision decide(SubjectIdentifier identifier, String purpose) {
        var now = clock.instant();
        var cached = subjects.cached(identifier);
        if (cached.isPresent()) {
            var decision = index.decide(cached.get(), purpose, now);
            if (decision != Decision.NO_CONSENT) {
                return decision;
            }
        }
        return index.decide(subjects.findAgain(identifier).orElse(null), purpose, now);
    }

    void applied(ConsentRecord record, long seq) {
        index.apply(
                record.subjectId(),
                record.purpose(),
                new DecisionIndex.Latest(seq, record.id(), record.state(), record.validUntil(), record.recordedAt()));
    }

    /** Drops from this node's index the histories past their keeping period; returns how many. */
    int forgetEnded() {
        return index.forget(clock.instant());
    }

    @Override
    public void afterSingletonsInstantiated() {
        poll();
    }

    @Scheduled(
            fixedDelayString = "${gardien.consent.poll-every:250ms}",
            initialDelayString = "${gardien.consent.poll-every:250ms}")
    synchronized void poll() {
        long before = watermark.get();
        List<ConsentRecords.Row> rows = records.since(before, gaps.pending());
        for (var row : rows) {
            index.apply(row.subject(), row.purpose(), row.latest());
            watermark.accumulateAndGet(row.latest().seq(), Math::max);
        }
        gaps.polled(before, rows.stream().map(r -> r.latest().seq()).toList(), clock.instant());
    }
}
