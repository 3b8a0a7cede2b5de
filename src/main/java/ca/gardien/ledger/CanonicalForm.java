package ca.gardien.ledger;

import ca.gardien.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
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
        return appendTime(new StringBuilder(24), instant).toString();
    }

    public static String entryText(LedgerEntry e) {
        var text = new StringBuilder(256 + e.payload().length())
                .append(ENTRY_PREFIX)
                .append('\n')
                .append(e.prevHash())
                .append('\n')
                .append(e.sequence())
                .append('\n')
                .append(e.eventId())
                .append('\n');
        appendTime(text, e.recordedAt()).append('\n');
        appendTime(text, e.occurredAt()).append('\n');
        return text.append(e.actor().kind())
                .append('\n')
                .append(e.actor().id())
                .append('\n')
                .append(e.action())
                .append('\n')
                .append(e.objectType())
                .append('\n')
                .append(e.objectId())
                .append('\n')
                .append(e.payload())
                .toString();
    }

    /**
     * {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, written by hand: verification formats two times per entry and
     * {@link DateTimeFormatter} would cost more than the hash itself. Years outside 0000-9999 fall back to it.
     */
    static StringBuilder appendTime(StringBuilder out, Instant instant) {
        var t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return out.append(TIME.format(instant));
        }
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
            if (value < bound) {
                out.append('0');
            }
        }
        return out.append(value);
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
        return Digests.sha256Hex(bytes);
    }

    public static MessageDigest sha256() {
        return Digests.sha256();
    }
}
