package ca.gardien.ledger;

import java.time.Instant;

/**
 * Outcome of verifying the chain: {@code firstInvalidSequence} is the first sequence at which the ledger stops being
 * trustworthy (null when valid), {@code problem} says why in plain words. {@code timestamps} counts the checkpoints
 * with a valid RFC 3161 token, {@code lastTimestamp} is the time the authority gave the last of them.
 */
public record VerificationReport(
        boolean valid,
        long entries,
        Long firstInvalidSequence,
        String problem,
        String headHash,
        int checkpoints,
        Long lastCheckpointSequence,
        int timestamps,
        Instant lastTimestamp) {}
