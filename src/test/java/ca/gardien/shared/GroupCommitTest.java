package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The group commit the ledger and the consent writers share, on its own: inline, grouped, stopped, failing. */
class GroupCommitTest {

    private record Item(int n, CompletableFuture<String> done) {
        Item(int n) {
            this(n, new CompletableFuture<>());
        }
    }

    private final List<List<Integer>> groups = new CopyOnWriteArrayList<>();

    private void write(List<Item> group) {
        groups.add(group.stream().map(Item::n).toList());
        group.forEach(item -> item.done().complete(Thread.currentThread().getName()));
    }

    @Test
    void anItemFindingTheWriterIdleIsWrittenInItsCallersThread() {
        var commit = new GroupCommit<Item>("test-writer", 1, 10, 100, this::write);
        commit.start();
        try {
            var item = new Item(1);
            assertThat(commit.writeInline(item)).isTrue();
            assertThat(item.done().join()).isEqualTo(Thread.currentThread().getName());
        } finally {
            commit.stop();
        }
    }

    @Test
    void itemsWaitingWhileAGroupIsWrittenAreWrittenTogetherInTheirOrder() throws Exception {
        var release = new CountDownLatch(1);
        var commit = new GroupCommit<Item>("test-writer", 1, 10, 100, group -> {
            if (group.getFirst().n() == 0) {
                await(release); // the first group holds the writer while the others queue
            }
            write(group);
        });
        commit.start();
        try {
            var first = new Item(0);
            assertThat(commit.offer(first, Duration.ZERO)).isTrue();
            Thread.sleep(300); // the writer took the first group
            var waiting = List.of(new Item(1), new Item(2), new Item(3));
            for (var item : waiting) {
                assertThat(commit.writeInline(item))
                        .as("a group is being written")
                        .isFalse();
                assertThat(commit.offer(item, Duration.ZERO)).isTrue();
            }
            release.countDown();
            CompletableFuture.allOf(waiting.stream().map(Item::done).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
            assertThat(groups).containsExactly(List.of(0), List.of(1, 2, 3));
            assertThat(first.done().join()).isEqualTo("test-writer");
        } finally {
            commit.stop();
        }
    }

    @Test
    void aStoppedWriterTakesNothingAndWritesWhatWaitedBeforeItStopped() throws Exception {
        var commit = new GroupCommit<Item>("test-writer", 2, 10, 100, this::write);
        commit.start();
        var item = new Item(1);
        assertThat(commit.offer(item, Duration.ZERO)).isTrue();
        assertThat(commit.stop()).isEmpty();
        assertThat(item.done().get(1, TimeUnit.SECONDS)).startsWith("test-writer-");

        assertThat(commit.running()).isFalse();
        assertThat(commit.offer(new Item(2), Duration.ZERO)).isFalse();
        assertThat(commit.writeInline(new Item(3))).isFalse();
        commit.start(); // a context paused and started again
        var again = new Item(4);
        assertThat(commit.writeInline(again)).isTrue();
        commit.stop();
    }

    @Test
    void aWriteThatThrowsLeavesTheWriterAlive() throws Exception {
        var fail = new AtomicBoolean(true);
        var commit = new GroupCommit<Item>("test-writer", 1, 10, 100, group -> {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("synthetic");
            }
            write(group);
        });
        commit.start();
        try {
            assertThat(commit.offer(new Item(1), Duration.ZERO)).isTrue();
            Thread.sleep(300);
            var next = new Item(2);
            assertThat(commit.offer(next, Duration.ZERO)).isTrue();
            assertThat(next.done().get(5, TimeUnit.SECONDS)).isEqualTo("test-writer");
        } finally {
            commit.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
