package ca.gardien.connectors.runs;

/**
 * The lease a node holds on a run: the node ({@code owner}, one identifier per process) and the generation it took.
 * Every claim takes the next generation, so a node paused past its lease finds, on resuming, that the run has moved on
 * and every write it attempts for that run is refused ({@link LeaseLost}).
 */
public record Lease(String owner, long generation) {}
