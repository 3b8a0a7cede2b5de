package ca.gardien.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;

/**
 * Just enough of the ledger's tables, in memory, for the appender's and the guard's rules; the SQL itself is covered by
 * the database tests. The key, the checkpoint log and the alarm are real files in {@code keys}.
 */
final class InMemoryLedger {

    final Store store = new Store();
    final Checkpoints checkpoints = new Checkpoints();
    final List<Object> events = new ArrayList<>();
    final SigningKeys keys;
    final CheckpointLog log;
    final SigningAlarm alarm;
    final LedgerProperties properties;

    InMemoryLedger(Path keys, LedgerProperties properties) {
        this.keys = SigningKeys.loadOrCreate(keys);
        this.log = new CheckpointLog(keys);
        this.alarm = new SigningAlarm(keys);
        this.properties = properties;
    }

    CheckpointGuard guard() {
        return new CheckpointGuard(store, checkpoints, keys, log, alarm, events::add);
    }

    ChainAppender appender() {
        return new ChainAppender(store, checkpoints, guard(), keys, properties);
    }

    final class Store extends LedgerStore {
        final List<LedgerEntry> entries = new ArrayList<>();
        /** As on PostgreSQL: appends without a checkpoint are one statement. */
        boolean oneStatement;

        Store() {
            super(null, null);
        }

        @Override
        boolean appendsInOneStatement() {
            return oneStatement;
        }

        @Override
        boolean appendInOneStatement(Head expected, List<LedgerEntry> batch) {
            if (!advanceHead(expected, 0, null)) {
                return false;
            }
            insert(batch);
            return true;
        }

        @Override
        boolean advanceHead(Head expected, long sequence, String hash) {
            return expected.lastSequence() == head().lastSequence();
        }

        @Override
        Head head() {
            var last = entries.isEmpty() ? null : entries.getLast();
            var cp = checkpoints.list.isEmpty() ? null : checkpoints.list.getLast();
            return new Head(
                    last == null ? 0 : last.sequence(),
                    last == null ? CanonicalForm.GENESIS_HASH : last.hash(),
                    cp == null ? 0 : cp.sequence(),
                    cp == null ? null : cp.signedAt());
        }

        @Override
        List<LedgerEntry> findByEventIds(Collection<UUID> ids) {
            return entries.stream().filter(e -> ids.contains(e.eventId())).toList();
        }

        @Override
        void insert(List<LedgerEntry> batch) {
            if (!findByEventIds(batch.stream().map(LedgerEntry::eventId).toList())
                    .isEmpty()) {
                throw new DuplicateKeyException("ledger_entry_event_id_uk");
            }
            entries.addAll(batch);
        }

        @Override
        void forEachEntry(long from, long to, Consumer<LedgerEntry> consumer) {
            entries.stream()
                    .filter(e -> e.sequence() >= from && e.sequence() <= to)
                    .forEach(consumer);
        }
    }

    static final class Checkpoints extends LedgerCheckpoints {
        final List<Checkpoint> list = new ArrayList<>();

        Checkpoints() {
            super(null);
        }

        @Override
        void insert(Checkpoint c) {
            list.add(c);
        }

        @Override
        List<Checkpoint> upTo(long sequence) {
            return list.stream().filter(c -> c.sequence() <= sequence).toList();
        }

        @Override
        List<Checkpoint> between(long from, long to) {
            return list.stream()
                    .filter(c -> c.sequence() > from && c.sequence() <= to)
                    .toList();
        }

        @Override
        Optional<Checkpoint> at(long sequence) {
            return list.stream().filter(c -> c.sequence() == sequence).findFirst();
        }

        @Override
        Optional<Checkpoint> last() {
            return list.isEmpty() ? Optional.empty() : Optional.of(list.getLast());
        }
    }
}
