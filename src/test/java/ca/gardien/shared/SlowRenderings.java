package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An injected slow renderer, for tests that show who waits for whom without timing anything: the PDFs rendered by the
 * threads {@link #hold} starts wait, each in its download turn, until {@link #close}; every other rendering goes through
 * at once, noting whether a transaction was open while it ran. Sets the download limits for the test and puts them
 * back as configured when closed.
 */
public final class SlowRenderings implements AutoCloseable {

    /** A request made by a held thread (a download through MockMvc). */
    public interface Call {
        int status() throws Exception;
    }

    private final Set<Thread> held = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch waiting = new CountDownLatch(0);

    private SlowRenderings(int perCaller, int overall) {
        PdfDownloads.limits(perCaller, overall);
        PdfDocuments.around(rendering -> () -> {
            if (held.contains(Thread.currentThread())) {
                waiting.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            }
            return rendering.get();
        });
    }

    /** Each caller's downloads at most {@code perCaller} at once, the node's {@code overall}. */
    public static SlowRenderings limits(int perCaller, int overall) {
        return new SlowRenderings(perCaller, overall);
    }

    /** Starts each call on a thread of its own, and returns once every one of them is rendering its PDF, held. */
    public void hold(Call... calls) throws InterruptedException {
        waiting = new CountDownLatch(calls.length);
        for (var call : calls) {
            var thread = new Thread(() -> {
                try {
                    statuses.add(call.status());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            held.add(thread);
            threads.add(thread);
            thread.start();
        }
        assertThat(waiting.await(60, TimeUnit.SECONDS))
                .as("every held download rendering")
                .isTrue();
    }

    /** The downloads under way on the node now. */
    public int underWay() {
        return PdfDownloads.underWay();
    }

    /** For each rendering not held, in order: whether a transaction was open while it ran. */
    public List<Boolean> renderedInTransaction() {
        return List.copyOf(inTransaction);
    }

    /** Lets the held renderings finish; the statuses of their calls, once all are done. */
    public List<Integer> released() throws InterruptedException {
        release.countDown();
        for (var thread : threads) {
            thread.join();
        }
        return List.copyOf(statuses);
    }

    @Override
    public void close() throws InterruptedException {
        released();
        PdfDocuments.around(null);
        PdfDownloads.limits(2, 3);
    }
}
