package ca.gardien.ledger;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Hashes entries exactly as {@link CanonicalForm#entryHash} does, with less work per entry: the canonical bytes written
 * into one reused buffer (no text built and then encoded again), reused digest output, times and ids formatted by hand. Verification walks millions of entries and would otherwise spend more on
 * building text than on SHA-256. Not thread-safe: one per walking thread. {@code CanonicalEncoderTest} holds it to the
 * reference encoding.
 */
final class CanonicalEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest = CanonicalForm.sha256();
    private final byte[] hash = new byte[32];
    private final byte[] hex = new byte[64];
    private static final byte[] PREFIX = (CanonicalForm.ENTRY_PREFIX + "\n").getBytes(StandardCharsets.US_ASCII);

    /** The time field and its line feed: {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'\n}. */
    private final byte[] time = new byte[25];

    private byte[] bytes = new byte[1024];
    private int length;

    /** The lowercase hex SHA-256 of the entry's canonical bytes. */
    String entryHash(LedgerEntry e) {
        if (!encode(e)) {
            return CanonicalForm.entryHash(e, digest); // a year the hand-written time format does not cover
        }
        digest.update(bytes, 0, length);
        try {
            digest.digest(hash, 0, hash.length);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /** The canonical bytes (a copy of the reused buffer); null for a year outside 0000-9999. */
    byte[] canonicalBytes(LedgerEntry e) {
        return encode(e) ? Arrays.copyOf(bytes, length) : null;
    }

    /**
     * Writes the canonical bytes of {@link CanonicalForm#entryText} into {@link #bytes}: the fields the encoder formats
     * itself (sequence, event id, times) straight as ASCII, every other text through {@link String#getBytes} in UTF-8
     * (an array copy for ASCII text). False for a year outside 0000-9999.
     */
    private boolean encode(LedgerEntry e) {
        length = 0;
        put(PREFIX);
        text(e.prevHash());
        number(e.sequence());
        uuid(e.eventId());
        if (!formatTime(e.recordedAt())) {
            return false;
        }
        put(time);
        if (!formatTime(e.occurredAt())) {
            return false;
        }
        put(time);
        text(e.actor().kind().toString());
        text(e.actor().id());
        text(e.action());
        text(e.objectType());
        text(e.objectId());
        put(e.payload().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** A text field followed by the line feed. */
    private void text(String value) {
        put(value.getBytes(StandardCharsets.UTF_8));
        newLine();
    }

    private void put(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    private void newLine() {
        room(1);
        bytes[length++] = '\n';
    }

    /** The decimal sequence and a line feed, as {@link Long#toString(long)} writes it. */
    private void number(long value) {
        var digits = Long.toString(value); // a few digits; the JDK's intrinsic formatting beats a hand loop
        room(digits.length() + 1);
        for (int i = 0; i < digits.length(); i++) {
            bytes[length++] = (byte) digits.charAt(i);
        }
        bytes[length++] = '\n';
    }

    /** The event id as {@link UUID#toString()} writes it (lowercase, 8-4-4-4-12), and a line feed. */
    private void uuid(UUID id) {
        room(37);
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        hex(high >>> 32, 8);
        bytes[length++] = '-';
        hex(high >>> 16, 4);
        bytes[length++] = '-';
        hex(high, 4);
        bytes[length++] = '-';
        hex(low >>> 48, 4);
        bytes[length++] = '-';
        hex(low, 12);
        bytes[length++] = '\n';
    }

    /** The low {@code count} hex digits of {@code value}, most significant first. */
    private void hex(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            bytes[length + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        length += count;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /**
     * {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC into {@link #time} (the civil-from-days algorithm of H. Hinnant's date
     * library): the JDK's date types cost more than the hash. False for years outside 0000-9999.
     */
    private boolean formatTime(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) (seconds - days * 86_400L);
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        int dayOfEra = (int) (z - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return false;
        }
        var t = time;
        int y = (int) year;
        t[0] = digit(y / 1000);
        t[1] = digit(y / 100);
        t[2] = digit(y / 10);
        t[3] = digit(y);
        t[4] = '-';
        t[5] = digit(month / 10);
        t[6] = digit(month);
        t[7] = '-';
        t[8] = digit(day / 10);
        t[9] = digit(day);
        t[10] = 'T';
        two(t, 11, secondOfDay / 3600);
        t[13] = ':';
        two(t, 14, secondOfDay / 60 % 60);
        t[16] = ':';
        two(t, 17, secondOfDay % 60);
        t[19] = '.';
        int millis = instant.getNano() / 1_000_000;
        t[20] = digit(millis / 100);
        t[21] = digit(millis / 10);
        t[22] = digit(millis);
        t[23] = 'Z';
        t[24] = '\n';
        return true;
    }

    private static void two(byte[] t, int at, int value) {
        t[at] = digit(value / 10);
        t[at + 1] = digit(value);
    }

    /** The last decimal digit of a non-negative value. */
    private static byte digit(int value) {
        return (byte) ('0' + value % 10);
    }
}
