package ca.gardien.connectors;

import java.util.Map;
import java.util.UUID;

/** A run ended: rows per table acted on (or found, for an export) and the export package's SHA-256 if any. */
public record ConnectorRunCompleted(
        UUID runId, String connectorId, RunAction action, Map<String, Long> counts, String packageSha256) {}
