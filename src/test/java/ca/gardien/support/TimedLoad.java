package ca.gardien.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load for the benchmarks: C threads each run one operation after another through a warm-up, then
 * through the measured window. Only operations that start and end inside the window count, so that both sides of a
 * comparison are measured the same way.
 */
public final class TimedLoad {

    /** One thread's work; created on its own thread (e.g. with its own connection) and closed there. */
    public interface Worker extends AutoCloseable {
        void once() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /**
     * What a window measured; {@code jitMillis} is the JIT compilers' time during the window (-1 when the JVM does not
     * tell): a large share means the code measured was still being compiled, not in its steady state.
     */
    public record Result(
            int threads, long operations, double seconds, double p50Millis, double p99Millis, long jitMillis) {
        public double perSecond() {
            return operations / seconds;
        }

        public String describe(String unit) {
            return "%,.0f %s/s (p50 %.2f ms, p99 %.2f ms; %,d in %.0f s; JIT %s)"
                    .formatted(
                            perSecond(),
                            unit,
                            p50Millis,
                            p99Millis,
                            operations,
                            seconds,
                            jitMillis < 0 ? "not measured" : "%,d ms of compiler time".formatted(jitMillis));
        }
    }

    private TimedLoad() {}

    public static Result run(int threads, Duration warmup, Duration measure, IntFunction<Worker> workers)
            throws InterruptedException {
        var start = new CyclicBarrier(threads + 1);
        var latencies = new long[threads][];
        var failure = new AtomicReference<Throwable>();
        var running = new Thread[threads];
        // Written before the barrier, read after it: the barrier publishes them to the workers.
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int id = t;
            running[t] = Thread.ofPlatform().name("bench-" + t).start(() -> {
                var recorded = new long[1 << 16];
                int n = 0;
                try (var worker = workers.apply(id)) {
                    start.await();
                    for (long begin = System.nanoTime(); begin < window[1]; begin = System.nanoTime()) {
                        worker.once();
                        long end = System.nanoTime();
                        if (begin >= window[0] && end <= window[1]) {
                            if (n == recorded.length) {
                                recorded = Arrays.copyOf(recorded, n * 2);
                            }
                            recorded[n++] = end - begin;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    start.reset();
                }
                latencies[id] = Arrays.copyOf(recorded, n);
            });
        }
        window[0] = System.nanoTime() + warmup.toNanos();
        window[1] = window[0] + measure.toNanos();
        try {
            start.await();
        } catch (BrokenBarrierException e) {
            // a worker failed before starting: reported below
        }
        long jitMillis = compilerTimeDuring(window);
        for (var thread : running) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark worker failed", failure.get());
        }
        var all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = measure.toMillis() / 1000.0;
        if (all.length == 0) {
            return new Result(threads, 0, seconds, 0, 0, jitMillis);
        }
        return new Result(
                threads,
                all.length,
                seconds,
                all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6,
                jitMillis);
    }

    /** The JIT compilers' total time between the window's start and end, waited for here; -1 if not monitored. */
    private static long compilerTimeDuring(long[] window) throws InterruptedException {
        var compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return -1;
        }
        sleepUntil(window[0]);
        long before = compiler.getTotalCompilationTime();
        sleepUntil(window[1]);
        return compiler.getTotalCompilationTime() - before;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
