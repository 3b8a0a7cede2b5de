package ca.gardien.ledger;

import java.time.Instant;

/**
 * A signed statement that the chain's head at {@code sequence} had {@code headHash}. {@code timestampToken}, when a
 * time-stamping authority is configured, is its RFC 3161 token (DER, base64) over the SHA-256 of the checkpoint text;
 * null otherwise.
 */
public record Checkpoint(
        long sequence,
        String headHash,
        Instant signedAt,
        String keyId,
        String publicKeyPem,
        String signature,
        String timestampToken) {

    public Checkpoint(
            long sequence, String headHash, Instant signedAt, String keyId, String publicKeyPem, String signature) {
        this(sequence, headHash, signedAt, keyId, publicKeyPem, signature, null);
    }

    /** The text that the signature and the timestamp token are over (docs/ledger-format.md, section 4). */
    String text() {
        return CanonicalForm.checkpointText(sequence, headHash, signedAt, keyId);
    }

    Checkpoint withPublicKey(String pem) {
        return new Checkpoint(sequence, headHash, signedAt, keyId, pem, signature, timestampToken);
    }
}
