package ca.gardien.connectors;

import java.util.Set;

/**
 * Where a run stands: PENDING (recorded), COLLECTING (walking the person's rows), APPLYING (acting on them in
 * checkpointed batches), DISPATCHED (waiting for a service or a person), then COMPLETED or FAILED.
 */
public enum RunState {
    PENDING,
    COLLECTING,
    APPLYING,
    DISPATCHED,
    COMPLETED,
    FAILED;

    /** The states a node carries on from: a run that no live node holds is resumed in one of them. */
    public static final Set<RunState> RESUMABLE = Set.of(PENDING, COLLECTING, APPLYING);

    /** The states a dispatch may start from: the run has not been handed to a service or a person yet. */
    public static final Set<RunState> UNDISPATCHED = Set.of(PENDING, COLLECTING);

    public boolean ended() {
        return this == COMPLETED || this == FAILED;
    }
}
