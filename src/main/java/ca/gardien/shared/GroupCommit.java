package ca.gardien.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand items over and writer threads write everything waiting as one group, so that concurrent
 * callers share one transaction and one commit (the ledger's appends, the consent records). A caller that finds no group
 * being written and nothing waiting writes its item in its own thread, as a group of one, without two thread hand-offs;
 * once groups hold several items, callers keep queueing so that they share commits instead of taking turns. With one
 * thread, the items of one caller are written in the order it handed them over.
 *
 * <p>The write function completes whatever the callers wait for; it is called with at most {@code maxGroup} items, by
 * one thread per group, by at most {@code threads} threads at once.
 *
 * @param <T> an item to write, carrying what its caller waits for
 */
public final class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final int threads;
    private final int maxGroup;
    private final Consumer<List<T>> write;
    private final BlockingQueue<T> queue;
    /** One permit per writer thread, held while it writes a group; a caller writing inline holds them all. */
    private final Semaphore writing;
    /** Items offered and not yet written. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Whether groups are being shared: the last one held several items, or several were being written at once. */
    private volatile boolean concurrent;

    private volatile boolean running;
    private List<Thread> workers = List.of();

    public GroupCommit(String name, int threads, int maxGroup, int capacity, Consumer<List<T>> write) {
        if (threads < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("a group commit needs at least one thread and one item per group");
        }
        this.name = name;
        this.threads = threads;
        this.maxGroup = maxGroup;
        this.write = write;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writing = new Semaphore(threads);
    }

    /** Writes the item in the caller's thread when nothing is waiting and no group is being written; false otherwise. */
    public boolean writeInline(T item) {
        if (concurrent || queued.get() != 0 || !writing.tryAcquire(threads)) {
            return false;
        }
        try {
            if (queued.get() != 0 || !running) {
                return false;
            }
            write(List.of(item));
            return true;
        } finally {
            writing.release(threads);
        }
    }

    /**
     * Queues the item for the next group; false when the writer is stopped or the queue stayed full for {@code wait}
     * (then nothing will write it).
     */
    public boolean offer(T item, Duration wait) throws InterruptedException {
        if (!running) {
            return false;
        }
        queued.incrementAndGet();
        if (!queue.offer(item, wait.toNanos(), TimeUnit.NANOSECONDS)) {
            queued.decrementAndGet();
            return false;
        }
        if (!running && queue.remove(item)) { // stopped meanwhile, perhaps after its last group: nobody would write it
            queued.decrementAndGet();
            return false;
        }
        return true;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        var started = new ArrayList<Thread>(threads);
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform()
                    .name(threads == 1 ? name : name + "-" + i)
                    .daemon()
                    .start(this::run));
        }
        workers = List.copyOf(started);
    }

    /**
     * Stops once the items waiting are written (each writer thread is given 10 s) and a group written inline has
     * ended; returns the items left unwritten, whose callers must be told.
     */
    public List<T> stop() {
        List<Thread> stopping;
        synchronized (this) {
            running = false;
            stopping = workers;
            workers = List.of();
        }
        for (var worker : stopping) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writing.acquireUninterruptibly(threads); // waits for a group being written inline
        writing.release(threads);
        var left = new ArrayList<T>();
        queue.drainTo(left);
        queued.addAndGet(-left.size());
        return left;
    }

    public boolean running() {
        return running;
    }

    private void run() {
        var group = new ArrayList<T>(maxGroup);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                writing.acquireUninterruptibly();
                try {
                    queue.drainTo(group, maxGroup - 1);
                    concurrent = group.size() > 1 || writing.availablePermits() < threads - 1;
                    write(group);
                } finally {
                    queued.addAndGet(-group.size());
                    writing.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<T> group) {
        try {
            write.accept(group);
        } catch (RuntimeException e) { // the write function completes its callers; a thread that died would not
            log.error("{}: a group of {} items failed unanswered: {}", name, group.size(), e.getClass());
        }
    }
}
