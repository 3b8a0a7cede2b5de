package ca.gardien.connectors;

import java.util.UUID;

/** A run gave up after its retries; {@code failure} is a SQL state or an error class, never a value. */
public record ConnectorRunFailed(UUID runId, String connectorId, String action, String failure) {}
