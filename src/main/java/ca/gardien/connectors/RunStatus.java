package ca.gardien.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API shows it. {@code status}: PENDING, COLLECTING, APPLYING, DISPATCHED (waiting for a service or a
 * person), COMPLETED or FAILED. {@code counts} are rows per table (found for an export, acted on otherwise);
 * {@code failure} says what the last attempt met (a SQL state or a step, never a value) in the reader's language and {@code nextAttemptAt} when it retries.
 */
public record RunStatus(
        UUID id,
        String connector,
        RunAction action,
        RunState status,
        List<Step> steps,
        Map<String, Long> counts,
        String failure,
        int attempts,
        Instant nextAttemptAt,
        String packageSha256,
        Instant createdAt,
        Instant updatedAt) {}
