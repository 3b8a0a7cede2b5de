package ca.gardien.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical byte encodings that the ledger hashes and signs, as documented in {@code docs/ledger-format.md}:
 * UTF-8 text, one field per line, no trailing newline. Fields never contain a line feed (the ledger refuses control
 * characters), so the encoding is unambiguous and an auditor can rebuild it with {@code printf}.
 */
public final class CanonicalForm {

    public static final String GENESIS_HASH = "0".repeat(64);
    static final String ENTRY_PREFIX = "gardien-ledger-v1";
    static final String CHECKPOINT_PREFIX = "gardien-checkpoint-v1";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalForm() {}

    /** Times are kept to the millisecond so that every database returns exactly what was hashed. */
    public static Instant normalize(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static String entryText(LedgerEntry e) {
        return ENTRY_PREFIX
                + '\n'
                + e.prevHash()
                + '\n'
                + e.sequence()
                + '\n'
                + e.eventId()
                + '\n'
                + time(e.recordedAt())
                + '\n'
                + time(e.occurredAt())
                + '\n'
                + e.actor().kind()
                + '\n'
                + e.actor().id()
                + '\n'
                + e.action()
                + '\n'
                + e.objectType()
                + '\n'
                + e.objectId()
                + '\n'
                + e.payload();
    }

    public static String entryHash(LedgerEntry e) {
        return entryHash(e, sha256());
    }

    /** Hashes with a caller-owned digest, so that verifying millions of entries allocates no digest per entry. */
    public static String entryHash(LedgerEntry e, MessageDigest digest) {
        return HEX.formatHex(digest.digest(entryText(e).getBytes(StandardCharsets.UTF_8)));
    }

    public static String checkpointText(long sequence, String headHash, Instant signedAt, String keyId) {
        return CHECKPOINT_PREFIX + '\n' + sequence + '\n' + headHash + '\n' + time(signedAt) + '\n' + keyId;
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
