package ca.gardien.connectors.runs;

import java.util.UUID;

/**
 * A write for a run was refused because this node no longer holds its lease: another node claimed the run after this
 * one stopped renewing (paused, cut off, too slow). The node stops carrying the run and records nothing for it; the
 * holder carries it on. Not a failure of the run.
 */
public final class LeaseLost extends RuntimeException {

    private final UUID run;

    LeaseLost(UUID run) {
        super("lease on connector run " + run + " lost to another node", null, false, false);
        this.run = run;
    }

    public UUID run() {
        return run;
    }
}
