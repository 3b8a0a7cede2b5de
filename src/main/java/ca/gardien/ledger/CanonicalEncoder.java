package ca.gardien.ledger;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Hashes entries exactly as {@link CanonicalForm#entryHash} does, with less work per entry: a reused text builder and
 * digest output, times formatted by hand. Verification walks millions of entries and would otherwise spend more on
 * building text than on SHA-256. Not thread-safe: one per walking thread. {@code CanonicalEncoderTest} holds it to the
 * reference encoding.
 */
final class CanonicalEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest = CanonicalForm.sha256();
    private final byte[] hash = new byte[32];
    private final byte[] hex = new byte[64];
    private final char[] time = new char[24];
    private StringBuilder text = new StringBuilder(1024);

    /** The lowercase hex SHA-256 of the entry's canonical bytes. */
    String entryHash(LedgerEntry e) {
        var bytes = canonicalBytes(e);
        if (bytes == null) {
            return CanonicalForm.entryHash(e, digest); // a year the hand-written time format does not cover
        }
        digest.update(bytes);
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

    /**
     * The canonical bytes, built like {@link CanonicalForm#entryText} in a reused builder (its Latin-1 appends are
     * array copies) with the times formatted by hand; null for a year outside 0000-9999.
     */
    byte[] canonicalBytes(LedgerEntry e) {
        var out = text;
        out.setLength(0);
        out.append(CanonicalForm.ENTRY_PREFIX)
                .append('\n')
                .append(e.prevHash())
                .append('\n')
                .append(e.sequence())
                .append('\n')
                .append(e.eventId())
                .append('\n');
        if (!formatTime(e.recordedAt())) {
            return null;
        }
        out.append(time).append('\n');
        if (!formatTime(e.occurredAt())) {
            return null;
        }
        out.append(time)
                .append('\n')
                .append(e.actor().kind())
                .append('\n')
                .append(e.actor().id())
                .append('\n')
                .append(e.action())
                .append('\n')
                .append(e.objectType())
                .append('\n')
                .append(e.objectId())
                .append('\n')
                .append(e.payload());
        var bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length != out.length()) {
            text = new StringBuilder(1024); // one that has held non-Latin-1 text stays slower; start afresh
        }
        return bytes;
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
        return true;
    }

    private static void two(char[] t, int at, int value) {
        t[at] = digit(value / 10);
        t[at + 1] = digit(value);
    }

    /** The last decimal digit of a non-negative value. */
    private static char digit(int value) {
        return (char) ('0' + value % 10);
    }
}
