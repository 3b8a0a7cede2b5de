package ca.gardien.inventory;

import ca.gardien.shared.DateRange;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of single fields of a data-map document, each mistake recorded with its path. */
final class FieldChecks {

    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private final List<MapError> errors = new ArrayList<>();

    List<MapError> errors() {
        return errors;
    }

    void refs(String at, List<String> values, String what, Set<String> known) {
        for (int i = 0; i < values.size(); i++) {
            ref(at + "[" + i + "]", values.get(i), what, known, true);
        }
    }

    void ref(String at, String value, String what, Set<String> known, boolean mandatory) {
        if (value == null) {
            if (mandatory) error(at, "inventory.map.required");
        } else if (!known.contains(value)) {
            error(at, "inventory.map.unknown-" + what, value);
        }
    }

    void text(String at, Text text) {
        if (text == null || !text.complete()) {
            error(at, "inventory.map.text-incomplete");
        }
    }

    void required(String at, String value) {
        if (blank(value)) error(at, "inventory.map.required");
    }

    void oneOf(String at, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            error(at, "inventory.map.one-of", String.join(", ", allowed));
        }
    }

    void jurisdiction(String at, String value, boolean mandatory) {
        if (value == null) {
            if (mandatory) { // "required", not a lesson on codes to a person who chose "none" in a list (officer)
                error(at, "inventory.map.required");
            }
        } else if (!JURISDICTION.matcher(value).matches()) {
            error(at, "inventory.map.jurisdiction");
        }
    }

    /** An end that comes before its start (a contract ending before it was signed: officer's review), at the end. */
    void order(String at, String start, String end) {
        var from = start == null ? null : DateRange.day(start);
        var to = end == null ? null : DateRange.day(end);
        if (from != null && to != null && to.isBefore(from)) {
            error(at, "inventory.map.end-before-start", from.toString());
        }
    }

    void date(String at, String value) {
        if (value == null) return;
        if (DateRange.day(value) == null) {
            error(at, "inventory.map.date", DateRange.FIRST_DAY.toString(), DateRange.LAST_DAY.toString());
        }
    }

    void period(String at, String value, boolean mandatory) {
        if (value == null) {
            if (mandatory) error(at, "inventory.map.required");
            return;
        }
        try {
            Period.parse(value);
        } catch (DateTimeParseException e) {
            error(at, "inventory.map.period");
        }
    }

    /**
     * Whether the period {@code duration} is shorter than {@code minimum}, both ISO-8601; {@code false} when either is
     * missing or malformed (reported on its own). Months and years are compared as months (P12M is P1Y); days against
     * them at the mean Gregorian month (P365D is shorter than P1Y, P400D longer).
     */
    static boolean shorter(String duration, String minimum) {
        if (duration == null || minimum == null) {
            return false;
        }
        try {
            return days(Period.parse(duration)) < days(Period.parse(minimum));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static double days(Period p) {
        return p.toTotalMonths() * (365.2425 / 12) + p.getDays();
    }

    /** Absent, or nothing a person could read: no-break or Braille blanks are no name (attacker's review). */
    static boolean blank(String value) {
        return ca.gardien.shared.PlainText.saysNothing(value);
    }

    /** Records the mistake named by the bundle key {@code inventory.map.*} with its arguments. */
    void error(String path, String key, Object... arguments) {
        errors.add(MapError.of(path, key, arguments));
    }
}
