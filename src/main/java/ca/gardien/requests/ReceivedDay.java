package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The day staff say a letter or a call was received ({@code receivedOn}, {@code YYYY-MM-DD}): noon UTC that day, the same
 * day from California to Europe; today means now, never in the future. Blank: not said ({@code at} null, no error).
 * A day that does not exist (2026-02-30) is said to be no real date; a day more than {@link #OLDEST} back (1900, 2002
 * for 2026) is refused as the typing error it almost surely is: the statutory clock runs 30 days, and a letter that old
 * is no request to enter as new.
 */
record ReceivedDay(Instant at, FieldError error) {

    /** How far back a received day may lie. */
    static final Period OLDEST = Period.ofYears(2);

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static ReceivedDay of(String receivedOn, Instant now) {
        if (receivedOn == null || receivedOn.isBlank()) {
            return new ReceivedDay(null, null);
        }
        var day = day(receivedOn.strip());
        if (day == null) {
            return new ReceivedDay(null, FieldError.of("receivedOn", "requests.field.received-on-not-a-day"));
        }
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var earliest = today.minus(OLDEST);
        if (day.isBefore(earliest)) {
            return new ReceivedDay(
                    null, FieldError.of("receivedOn", "requests.field.received-on-too-old", earliest.toString()));
        }
        var at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        if (day.equals(today) && at.isAfter(now)) {
            at = now;
        }
        return at.isAfter(now)
                ? new ReceivedDay(null, FieldError.of("receivedOn", "shared.field.not-future"))
                : new ReceivedDay(at, null);
    }

    /** A day written {@code YYYY-MM-DD} that exists in the calendar; null otherwise. */
    private static LocalDate day(String text) {
        if (!DAY.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
