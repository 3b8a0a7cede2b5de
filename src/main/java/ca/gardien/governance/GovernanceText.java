package ca.gardien.governance;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.TypedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * How the governance forms and API word a refused text: whole sentences next to the field ("This field is required.",
 * "At most 200 characters, without control characters or invisible marks."). The check is {@link TypedText}'s: a
 * heading or a delegation's email with a line end forged lines of the published policy and of mail (attacker's reviews).
 */
final class GovernanceText {

    static final TypedText WORDS =
            new TypedText("governance.field.required", "governance.field.text", "governance.field.text");

    private GovernanceText() {}

    /** A day as sent (ISO-8601, years 2000 to 2200), or null with the field's error added. */
    static LocalDate date(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "governance.field.required"));
            }
            return null;
        }
        try {
            var day = LocalDate.parse(value);
            if (day.getYear() < 2000 || day.getYear() > 2200) {
                errors.add(FieldError.of(field, "governance.field.date"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "governance.field.date"));
            return null;
        }
    }
}
