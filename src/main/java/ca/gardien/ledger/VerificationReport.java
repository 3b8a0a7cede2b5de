package ca.gardien.ledger;

/**
 * Outcome of verifying the chain: {@code firstInvalidSequence} is the first sequence at which the ledger stops being
 * trustworthy (null when valid), {@code problem} says why in plain words.
 */
public record VerificationReport(
        boolean valid,
        long entries,
        Long firstInvalidSequence,
        String problem,
        String headHash,
        int checkpoints,
        Long lastCheckpointSequence) {}
