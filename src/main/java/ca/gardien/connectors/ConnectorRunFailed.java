package ca.gardien.connectors;

import java.util.UUID;

/**
 * A run gave up after its retries, or its webhook service reported it failed. {@code failure} is then a SQL state or an
 * error class, never a value, or the service's own short reason (at most 200 characters, for staff to read; it is
 * not written to the ledger).
 */
public record ConnectorRunFailed(UUID runId, String connectorId, RunAction action, String failure) {}
