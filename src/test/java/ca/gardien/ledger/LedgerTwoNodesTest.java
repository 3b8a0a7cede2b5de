package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Another node appending behind this node's cached head: nothing is written on the stale head, and the next append retries. */
@SpringBootTest
class LedgerTwoNodesTest {

    @Autowired
    LedgerWriter writer;

    @Autowired
    LedgerStore store;

    @Autowired
    SigningKeys keys;

    @Autowired
    LedgerCheckpoints checkpoints;

    @Autowired
    CheckpointGuard guard;

    @Autowired
    LedgerProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvidenceLedger ledger;

    @Test
    void appendsOnTheNewHeadAfterAnotherNodeMovedIt() throws Exception {
        writer.append(evidence()).get(10, TimeUnit.SECONDS);
        var otherNode = new ChainAppender(store, checkpoints, guard, keys, properties);
        var theirs = transactions
                .execute(s -> otherNode.append(
                        List.of(new ChainAppender.Pending(evidence(), new CompletableFuture<>())),
                        Instant.now(),
                        false))
                .getFirst();

        var mine = writer.append(evidence()).get(10, TimeUnit.SECONDS);

        assertThat(mine.sequence()).isEqualTo(theirs.sequence() + 1);
        assertThat(mine.prevHash()).isEqualTo(theirs.hash());
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void writesNothingOnAStaleHead() throws Exception {
        var before = writer.append(evidence()).get(10, TimeUnit.SECONDS);
        var stale = new LedgerStore.Head(before.sequence() - 1, before.prevHash(), 0, null);
        var entry = link(before.sequence() + 1, before.hash());

        boolean written = store.appendsInOneStatement()
                ? store.appendInOneStatement(stale, List.of(entry))
                : store.advanceHead(stale, entry.sequence(), entry.hash());

        assertThat(written).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE event_id = ?", Long.class, entry.eventId()))
                .isZero();
        assertThat(store.head().lastSequence()).isGreaterThanOrEqualTo(before.sequence());
        assertThat(ledger.verify().valid()).isTrue();
    }

    private static LedgerEntry link(long sequence, String prevHash) {
        var e = evidence();
        var at = CanonicalForm.normalize(e.occurredAt());
        return new LedgerEntry(
                        sequence,
                        e.eventId(),
                        at,
                        at,
                        e.actor(),
                        e.action(),
                        e.objectType(),
                        e.objectId(),
                        "{}",
                        null,
                        null)
                .linkedAfter(prevHash);
    }

    private static Evidence evidence() {
        return Evidence.of(Instant.now(), Actor.SYSTEM, "test.node", "test", "n", Map.of());
    }
}
