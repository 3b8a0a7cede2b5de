package ca.gardien.connectors;

import ca.gardien.shared.Phrase;
import java.util.UUID;

/**
 * A run gave up after its retries, or its webhook service reported it failed. {@code failure} then names a SQL state, a
 * step or an error class, never a value, or quotes the service's own short reason (at most 200 characters, for staff
 * to read; it is not written to the ledger); it is put in a language where it is shown.
 */
public record ConnectorRunFailed(UUID runId, String connectorId, RunAction action, Phrase failure) {}
