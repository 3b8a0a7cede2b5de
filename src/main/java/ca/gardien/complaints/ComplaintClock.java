package ca.gardien.complaints;

import ca.gardien.requests.Deadlines;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The complaint clock: a reasoned answer within 30 days of receipt of the complaint or of the additional information
 * requested, the last day moved past Sundays and holidays by the calendar of the rights requests' profile (QC by
 * default: Interpretation Act s. 52).
 */
@Component
class ComplaintClock {

    static final int DAYS = Complaint.ANSWER_DAYS;
    static final int DUE_SOON_DAYS = 7;

    /** How urgent an open complaint is, as the queue shows it. */
    enum Urgency {
        OVERDUE,
        DUE_SOON,
        ON_TRACK,
        STOPPED,
        DONE
    }

    private final Deadlines deadlines;
    private final Clock clock;
    private final String jurisdiction;

    ComplaintClock(
            Deadlines deadlines, Clock clock, @Value("${gardien.complaints.jurisdiction:QC}") String jurisdiction) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
    }

    /** Today, in the profile's time zone. */
    LocalDate today() {
        return deadlines.dayOf(jurisdiction, clock.instant());
    }

    /** The due date of a 30-day period starting on {@code receivedOn}. */
    LocalDate dueFrom(LocalDate receivedOn) {
        return deadlines.firstOpenDay(jurisdiction, receivedOn.plusDays(DAYS));
    }

    /** Days from today to the due date (negative when passed); null when the clock is stopped or the file answered. */
    Long daysLeft(Complaint complaint) {
        if (complaint.status() != ComplaintStatus.OPEN || complaint.effectiveDueOn() == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(today(), complaint.effectiveDueOn());
    }

    Urgency urgency(Complaint complaint) {
        return switch (complaint.status()) {
            case ANSWERED, CLOSED -> Urgency.DONE;
            case AWAITING_INFORMATION -> Urgency.STOPPED;
            case OPEN -> {
                long left = daysLeft(complaint);
                yield left < 0 ? Urgency.OVERDUE : left <= DUE_SOON_DAYS ? Urgency.DUE_SOON : Urgency.ON_TRACK;
            }
        };
    }

    /** The due date has passed: only a delay notice sent before it lets the answer come later. */
    boolean late(Complaint complaint) {
        return complaint.effectiveDueOn() != null && today().isAfter(complaint.effectiveDueOn());
    }
}
