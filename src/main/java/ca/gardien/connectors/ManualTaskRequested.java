package ca.gardien.connectors;

import java.util.UUID;

/** A staff member must act in a system without a connector; the task ends with a completion of the run. */
public record ManualTaskRequested(UUID runId, String connectorId, String action) {}
