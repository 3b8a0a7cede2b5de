package ca.gardien.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The dates Gardien accepts from outside: from 1900-01-01 to 9999-12-31 (UTC for instants). Java parses years up to
 * ±999,999,999, which date arithmetic then overflows (a 500) and PostgreSQL cannot store; every date input is checked
 * against this range and refused as a 400 naming its field.
 */
public final class DateRange {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** How a refusal describes the range, in English, for the OpenCompliance wire format and the data-map checks. */
    public static final String DESCRIPTION = "between " + FIRST_DAY + " and " + LAST_DAY;

    /** The field's date is outside the range. */
    public static FieldError outside(String field) {
        return FieldError.of(field, "shared.field.date-range", FIRST_DAY.toString(), LAST_DAY.toString());
    }

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateRange() {}

    public static boolean contains(LocalDate day) {
        return day != null && !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    public static boolean contains(Instant instant) {
        return instant != null
                && !instant.isBefore(FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                && instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** A day written {@code YYYY-MM-DD} that exists and lies in the range; null otherwise. */
    public static LocalDate day(String text) {
        if (text == null || !DAY.matcher(text.strip()).matches()) {
            return null;
        }
        try {
            var day = LocalDate.parse(text.strip());
            return contains(day) ? day : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
