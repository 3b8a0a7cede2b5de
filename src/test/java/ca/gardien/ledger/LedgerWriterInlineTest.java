package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An append that finds the writer idle is written in the caller's thread; under concurrency appends still queue and
 * group-commit. Either way one thread's appends keep their order and the chain stays valid.
 */
@SpringBootTest
class LedgerWriterInlineTest {

    @Autowired
    LedgerWriter writer;

    @Autowired
    EvidenceLedger ledger;

    @Test
    void anIdleWriterLetsTheCallerAppendBeforeReturning() throws Exception {
        // Evidence of the context's start may still be in flight: one of a few tries must find the writer idle.
        boolean inline = false;
        for (int i = 0; i < 20 && !inline; i++) {
            var appended = writer.append(evidence("inline"));
            inline = appended.isDone();
            appended.get(10, TimeUnit.SECONDS);
        }
        assertThat(inline).isTrue();
    }

    @Test
    void keepsTheOrderOfOneThreadsAppendsWhileOthersAppendConcurrently() throws Exception {
        var others = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            others.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    writer.append(evidence("other")).join();
                }
            }));
        }
        var mine = new ArrayList<CompletableFuture<LedgerEntry>>();
        for (int i = 0; i < 200; i++) {
            mine.add(writer.append(evidence("mine")));
        }
        for (var other : others) {
            other.join();
        }
        List<Long> sequences = new ArrayList<>();
        for (var appended : mine) {
            sequences.add(appended.get(10, TimeUnit.SECONDS).sequence());
        }

        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(ledger.verify().valid()).isTrue();
    }

    private static Evidence evidence(String objectId) {
        return Evidence.of(Instant.now(), Actor.SYSTEM, "test.inline", "test", objectId, Map.of("n", "1"));
    }
}
