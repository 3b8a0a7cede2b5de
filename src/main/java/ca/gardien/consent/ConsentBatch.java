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

    /** One write of the group: its identifiers as stored, its draft, and what it became. */
    record Pending(List<Subjects.Keyed> identifiers, Draft draft, List<Written> written, RuntimeException[] refused) {
        Pending(List<Subjects.Keyed> identifiers, Draft draft) {
            this(identifiers, draft, new ArrayList<>(), new RuntimeException[1]);
        }

        void refuse(RuntimeException why) {
            refused[0] = why;
        }

        RuntimeException refusal() {
            return refused[0];
        }
    }

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
     * Writes the group in the caller's transaction. A write refused on its own (a rule it breaks, identifiers of two
     * subjects) is refused before anything is written for it; the others fill their {@code written}. Throws {@link
     * WriteAlone} when a subject was destroyed since this node cached it: the transaction must roll back.
     */
    void write(List<Pending> group) {
        var map = inventory.current();
        var makers = new HashMap<Pending, Function<UUID, List<Drafted>>>();
        for (var pending : group) {
            try {
                makers.put(pending, pending.draft().checked(map));
            } catch (RuntimeException refused) {
                pending.refuse(refused);
            }
        }
        var accepted = group.stream().filter(p -> p.refusal() == null).toList();
        var found = subjects.findAll(accepted.stream()
                .flatMap(p -> p.identifiers().stream())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        var linked = new HashMap<Subjects.Keyed, UUID>(); // identifiers linked by this group
        var created = new ArrayList<UUID>();
        var held = new TreeSet<UUID>();
        var links = new ArrayList<Subjects.Link>();
        var subjectOf = new HashMap<Pending, UUID>();
        for (var pending : accepted) {
            var known = new HashSet<UUID>();
            for (var keyed : pending.identifiers()) {
                var subject = found.getOrDefault(keyed, linked.get(keyed));
                if (subject != null) {
                    known.add(subject);
                }
            }
            if (known.size() > 1) {
                pending.refuse(new ConflictException("consent.conflict.different-subjects"));
                continue;
            }
            UUID subject;
            if (known.isEmpty()) {
                subject = UUID.randomUUID();
                created.add(subject);
            } else {
                subject = known.iterator().next();
                if (!created.contains(subject)) {
                    held.add(subject);
                }
            }
            for (var keyed : new LinkedHashSet<>(pending.identifiers())) {
                if (!found.containsKey(keyed) && !linked.containsKey(keyed)) {
                    linked.put(keyed, subject);
                    links.add(new Subjects.Link(keyed, subject));
                }
            }
            subjectOf.put(pending, subject);
        }
        var present = subjects.holdAll(held);
        if (!present.containsAll(held)) { // destroyed by a keeping sweep since this node cached it
            var gone = new HashSet<>(held);
            gone.removeAll(present);
            subjects.forget(gone);
            throw new WriteAlone();
        }
        subjects.createAll(created, links);
        append(group, makers, subjectOf);
    }

    private void append(
            List<Pending> group, Map<Pending, Function<UUID, List<Drafted>>> makers, Map<Pending, UUID> subjectOf) {
        var rows = new ArrayList<ConsentRecords.Appended>();
        var owners = new ArrayList<Pending>();
        for (var pending : group) {
            if (pending.refusal() != null) {
                continue;
            }
            for (var drafted : makers.get(pending).apply(subjectOf.get(pending))) {
                rows.add(new ConsentRecords.Appended(drafted.record(), drafted.actor(), UUID.randomUUID()));
                owners.add(pending);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        var seqs = records.appendAll(rows);
        var evidence = new ArrayList<Evidence>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            owners.get(i).written().add(new Written(row.record(), seqs[i]));
            evidence.add(evidence(row, Map.of()));
        }
        events.publishEvent(new EvidenceBatch(evidence));
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
