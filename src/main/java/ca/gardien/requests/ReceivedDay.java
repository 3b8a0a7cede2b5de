package ca.gardien.requests;

import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day staff say a letter or a call was received ({@code receivedOn}, {@code YYYY-MM-DD}): noon UTC that day, the same
 * day from California to Europe; today means now, never in the future. Blank: not said ({@code at} null, no error).
 */
record ReceivedDay(Instant at, FieldError error) {

    static ReceivedDay of(String receivedOn, Instant now) {
        if (receivedOn == null || receivedOn.isBlank()) {
            return new ReceivedDay(null, null);
        }
        var day = DateRange.day(receivedOn.strip());
        if (day == null) {
            return new ReceivedDay(null, DateRange.outside("receivedOn"));
        }
        var at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        if (day.equals(LocalDate.ofInstant(now, ZoneOffset.UTC)) && at.isAfter(now)) {
            at = now;
        }
        return at.isAfter(now)
                ? new ReceivedDay(null, FieldError.of("receivedOn", "shared.field.not-future"))
                : new ReceivedDay(at, null);
    }
}
