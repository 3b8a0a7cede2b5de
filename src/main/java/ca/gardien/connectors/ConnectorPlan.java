package ca.gardien.connectors;

import java.util.List;

/**
 * What a run would do for one person: the tables reached with their row counts and join keys, the steps in order, and
 * lint warnings (missing indexes, references to erased rows without a strategy, annotations not in the schema).
 */
public record ConnectorPlan(
        String connector, RunAction action, List<TableReach> tables, List<Step> steps, List<String> warnings) {

    /** A table holding rows about the person, how the walk reaches it, and how many rows it found. */
    public record TableReach(String table, long rows, List<String> joinKeys) {}
}
