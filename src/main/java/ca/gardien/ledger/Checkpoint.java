package ca.gardien.ledger;

import java.time.Instant;

/** A signed statement that the chain's head at {@code sequence} had {@code headHash}. */
public record Checkpoint(
        long sequence, String headHash, Instant signedAt, String keyId, String publicKeyPem, String signature) {}
