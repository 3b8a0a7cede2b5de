package ca.gardien.connectors;

import ca.gardien.connectors.spi.RunOrder;
import java.util.List;
import java.util.UUID;

/**
 * A staff member must act in a system without a connector; the task ends with a completion of the run. For a RECTIFY
 * the changes to make are listed (empty otherwise); they carry the new values, so this event is for the staff task
 * only, never for the ledger or a log ({@link #toString} names tables and columns only).
 */
public record ManualTaskRequested(
        UUID runId, String connectorId, RunAction action, List<RunOrder.FieldChange> changes) {

    public ManualTaskRequested {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
