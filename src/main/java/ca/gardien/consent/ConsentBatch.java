package ca.gardien.consent;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.ledger.Evidence;
import ca.gardien.ledger.EvidenceBatch;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The work of one group commit of {@link ConsentWriter}, run inside its transaction: every write of the group checked
 * against the data map read once, their subjects resolved with one query, the subjects that exist locked with one
 * statement, the new subjects, identifiers and records inserted as one batch each, and one ledger event for all.
 * Exactly what {@link ConsentLedger} does for one write, with one round trip per kind of statement instead of one per
 * write.
 */
@Component
class ConsentBatch {

    /** A write that must be made again on its own, in a transaction of its own (the group rolled back). */
    static final class WriteAlone extends RuntimeException {
        WriteAlone() {
            super("write again on its own", null, false, false);
        }
    }

    /** A record to add, by whom. */
    record Drafted(ConsentRecord record, Actor actor) {}

    /**
     * A write before its subject is known: checked against the data map (throwing for a rule it breaks), it gives the
     * records to add for a subject.
     */
    interface Draft {
        Function<UUID, List<Drafted>> checked(DataMap map);
    }

    /** A record as written, with its sequence number. */
    record Written(ConsentRecord record, long seq) {}

    /** One write of a group: its identifiers as stored and its draft. */
    record Pending(List<Subjects.Keyed> identifiers, Draft draft) {}

    /** What became of one write of a group: its records as written, or what refused it alone. */
    record Outcome(List<Written> written, RuntimeException refused) {}

    private final Inventory inventory;
    private final Subjects subjects;
    private final ConsentRecords records;
    private final ApplicationEventPublisher events;

    ConsentBatch(Inventory inventory, Subjects subjects, ConsentRecords records, ApplicationEventPublisher events) {
        this.inventory = inventory;
        this.subjects = subjects;
        this.records = records;
        this.events = events;
    }

    /**
     * Writes the group in the caller's transaction and says what became of each write, in the group's order. A write
     * refused on its own (a rule it breaks, identifiers of two subjects) is refused before anything is written for it.
     * Throws {@link WriteAlone} when a subject was destroyed since this node cached it: the transaction must roll back.
     * Two first writes for one new person in two transactions at once (a banner and an API call, say) both see no
     * subject; the second to link an identifier meets the first's row with a {@code DuplicateKeyException}, which ends
     * its transaction: its writes are made again ({@link ConsentLedger}) and then find the first's subject. No
     * savepoint: two fewer round trips on every first write.
     */
    List<Outcome> write(List<Pending> group) {
        var map = inventory.current();
        int size = group.size();
        var refused = new RuntimeException[size];
        var makers = new ArrayList<Function<UUID, List<Drafted>>>(size);
        for (int i = 0; i < size; i++) {
            try {
                makers.add(group.get(i).draft().checked(map));
            } catch (RuntimeException refusal) {
                makers.add(null);
                refused[i] = refusal;
            }
        }
        var asked = new LinkedHashSet<Subjects.Keyed>();
        for (int i = 0; i < size; i++) {
            if (refused[i] == null) {
                asked.addAll(group.get(i).identifiers());
            }
        }
        var found = subjects.findAll(asked);
        var linked = new HashMap<Subjects.Keyed, UUID>(); // identifiers linked by this group
        var created = new LinkedHashSet<UUID>();
        var held = new TreeSet<UUID>();
        var links = new ArrayList<Subjects.Link>();
        var subjectOf = new UUID[size];
        for (int i = 0; i < size; i++) {
            if (refused[i] != null) {
                continue;
            }
            var identifiers = group.get(i).identifiers();
            var known = new HashSet<UUID>();
            for (var keyed : identifiers) {
                var subject = found.getOrDefault(keyed, linked.get(keyed));
                if (subject != null) {
                    known.add(subject);
                }
            }
            if (known.size() > 1) {
                refused[i] = new ConflictException("consent.conflict.different-subjects");
                continue;
            }
            var subject = known.isEmpty() ? UUID.randomUUID() : known.iterator().next();
            if (known.isEmpty()) {
                created.add(subject);
            } else if (!created.contains(subject)) {
                held.add(subject); // an existing subject: the keeping sweep must not destroy it meanwhile
            }
            for (var keyed : identifiers) {
                if (!found.containsKey(keyed) && linked.putIfAbsent(keyed, subject) == null) {
                    links.add(new Subjects.Link(keyed, subject));
                }
            }
            subjectOf[i] = subject;
        }
        var present = subjects.holdAll(held);
        if (!present.containsAll(held)) { // destroyed by a keeping sweep since this node cached it
            var gone = new HashSet<>(held);
            gone.removeAll(present);
            subjects.forget(gone);
            throw new WriteAlone();
        }
        subjects.createAll(List.copyOf(created), links);
        return append(makers, subjectOf, refused);
    }

    private List<Outcome> append(
            List<Function<UUID, List<Drafted>>> makers, UUID[] subjectOf, RuntimeException[] refused) {
        var rows = new ArrayList<ConsentRecords.Appended>();
        var owners = new ArrayList<Integer>();
        for (int i = 0; i < refused.length; i++) {
            if (refused[i] == null) {
                for (var drafted : makers.get(i).apply(subjectOf[i])) {
                    rows.add(new ConsentRecords.Appended(drafted.record(), drafted.actor(), UUID.randomUUID()));
                    owners.add(i);
                }
            }
        }
        var written = new ArrayList<List<Written>>(refused.length);
        for (int i = 0; i < refused.length; i++) {
            written.add(new ArrayList<>());
        }
        if (!rows.isEmpty()) {
            var seqs = records.appendAll(rows);
            var evidence = new ArrayList<Evidence>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                written.get(owners.get(r)).add(new Written(rows.get(r).record(), seqs[r]));
                evidence.add(evidence(rows.get(r), Map.of()));
            }
            events.publishEvent(new EvidenceBatch(evidence));
        }
        var outcomes = new ArrayList<Outcome>(refused.length);
        for (int i = 0; i < refused.length; i++) {
            outcomes.add(new Outcome(List.copyOf(written.get(i)), refused[i]));
        }
        return outcomes;
    }

    /** The ledger entry of a record: a receipt points to it by the event id kept with the record. */
    static Evidence evidence(ConsentRecords.Appended row, Map<String, String> extra) {
        var record = row.record();
        return new Evidence(
                row.ledgerEventId(),
                record.recordedAt(),
                row.actor(),
                "consent.recorded",
                "consent",
                record.id().toString(),
                record.ledgerPayload(extra));
    }
}
