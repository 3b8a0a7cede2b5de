package ca.gardien.complaints;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * The checks of a delay notice and its letter ({@link ComplaintSteps#delayNotice}): the reasons and the status given, a
 * new due date after the current one and within a reasonable time, sent before the due date. Composed twice, the same
 * way: before the step's transaction to render its PDF, and inside it to file that PDF ({@link LetterSteps}).
 */
final class DelayNotices {

    /** The new due date and the letter that announces it. */
    record Notice(LocalDate day, ComplaintLetters.Composed composed) {}

    private DelayNotices() {}

    static Notice letter(
            Complaint c,
            String reasons,
            String status,
            String newDueOn,
            ComplaintClock clock,
            ComplaintLetters letters) {
        ComplaintFiles.requireStatus(c, ComplaintStatus.OPEN);
        var errors = new ArrayList<FieldError>();
        var why = FieldTexts.prose(reasons, "reasons", ComplaintFiles.MAX_TEXT, true, errors);
        var where = FieldTexts.prose(status, "status", ComplaintFiles.MAX_TEXT, true, errors);
        LocalDate day = null;
        if (newDueOn == null || newDueOn.isBlank()) {
            errors.add(FieldError.of("newDueOn", "shared.field.required"));
        } else if ((day = DateRange.day(newDueOn)) == null) {
            errors.add(DateRange.outside("newDueOn"));
        } else if (!day.isAfter(c.effectiveDueOn())) {
            errors.add(FieldError.of(
                    "newDueOn", "complaints.field.after-due", c.effectiveDueOn().toString()));
        } else if (day.isAfter(c.effectiveDueOn().plus(Complaints.LONGEST_DELAY))) {
            // a "reasonable time" (seed, section 12): not a date that keeps the file from ever being late
            errors.add(FieldError.of(
                    "newDueOn",
                    "shared.field.date-range",
                    c.effectiveDueOn().plusDays(1),
                    c.effectiveDueOn().plus(Complaints.LONGEST_DELAY)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (clock.late(c)) {
            throw new ConflictException(
                    "complaints.conflict.notice-too-late", c.effectiveDueOn().toString());
        }
        var locale = ComplaintFiles.locale(c);
        return new Notice(day, new ComplaintLetters.Composed(letters.delayNotice(c, why, where, day, locale), locale));
    }
}
