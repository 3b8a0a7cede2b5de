package ca.gardien.connectors.spi;

import ca.gardien.connectors.RunAction;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One action to carry out for one person: the verified identities, and for a rectification the changes (empty for the
 * other actions). {@link #toString} names neither identities nor values.
 */
public record RunOrder(
        UUID runId,
        String connectorId,
        RunAction action,
        Map<String, String> identities,
        String callbackPath,
        List<FieldChange> changes) {

    public RunOrder {
        identities = identities == null ? Map.of() : identities;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** An order without changes (EXPORT, ERASE). */
    public RunOrder(
            UUID runId, String connectorId, RunAction action, Map<String, String> identities, String callbackPath) {
        this(runId, connectorId, action, identities, callbackPath, List.of());
    }

    /** One field to correct: the new value (may be null) replaces the column's value in the person's rows. */
    public record FieldChange(String table, String column, String newValue) {

        @Override
        public String toString() {
            return "FieldChange[table=" + table + ", column=" + column + "]";
        }
    }

    @Override
    public String toString() {
        return "RunOrder[runId=" + runId + ", connectorId=" + connectorId + ", action=" + action + ", changes="
                + changes.size() + "]";
    }
}
