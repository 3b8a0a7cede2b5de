package ca.gardien.connectors.runs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Whether the transaction that records a run has committed. A run starts while it commits (its walk only reads) and
 * waits for it before writing anything, in Gardien's database or on the target.
 */
public final class RunRecord {

    /** For a run read back from Gardien's database: its record is there. */
    static final Future<?> COMMITTED = CompletableFuture.completedFuture(null);

    private RunRecord() {}

    /** Waits until the record is committed; throws {@link NotRecorded} if it rolled back. */
    public static void await(Future<?> recorded) {
        try {
            recorded.get();
        } catch (ExecutionException e) {
            throw new NotRecorded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRecorded();
        }
    }

    /** The transaction that was to record the run rolled back: there is no run. */
    public static final class NotRecorded extends RuntimeException {
        NotRecorded() {
            super(null, null, false, false);
        }
    }
}
