package ca.gardien.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A burst of calls sent at the same moment, as an attacker or a double click sends them: {@code n} threads, each ready
 * at one gate before the gate opens for all (a race between threads of this JVM; {@link Racers} races processes). The
 * outcomes come back in call order once every call has ended, each waited for at most {@value #SECONDS} seconds.
 */
public final class AtOnce {

    /** How long one call of a burst may take before the test fails. */
    static final int SECONDS = 120;

    /** One call of a burst, told its index (0 to n - 1): e.g. to take the i-th of several payloads. */
    @FunctionalInterface
    public interface Call<T> {
        T call(int index) throws Exception;
    }

    /** What a call of a burst came to: its result, or what it threw (then {@code value} is null). */
    public record Outcome<T>(T value, Throwable thrown) {

        public boolean failed() {
            return thrown != null;
        }
    }

    private AtOnce() {}

    /** The results of {@code n} calls sent at once, in call order; the first call that threw makes this throw that. */
    public static <T> List<T> results(int n, Call<T> call) throws Exception {
        var results = new ArrayList<T>();
        for (var outcome : outcomes(n, call)) {
            if (outcome.thrown() instanceof Exception e) {
                throw e;
            }
            if (outcome.thrown() instanceof Error e) {
                throw e;
            }
            results.add(outcome.value());
        }
        return results;
    }

    /** What each of {@code n} calls sent at once came to, in call order, results and exceptions alike. */
    public static <T> List<Outcome<T>> outcomes(int n, Call<T> call) throws InterruptedException {
        var ready = new CountDownLatch(n);
        var gate = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return call.call(index);
                }));
            }
            if (!ready.await(SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the burst's threads did not all start");
            }
            gate.countDown();
            var outcomes = new ArrayList<Outcome<T>>();
            for (var future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(SECONDS, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("a call of the burst took over " + SECONDS + " s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
