package ca.gardien.governance;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How long a delegate may record the person in charge absent: at most {@code gardien.governance.max-absence} days in a
 * row. An absence runs into those it overlaps or that end the day before it starts or start the day after it ends,
 * whoever recorded them, and they make one period: a delegate who recorded a one-day absence every day kept the
 * substitute empowered without end (attacker's review). A longer period is the person in charge's to record. Withdrawn
 * absences (ended the day before their start, {@link RecordEnds}) make none.
 */
@Component
class AbsencePeriods {

    private final GovernanceProperties properties;

    AbsencePeriods(GovernanceProperties properties) {
        this.properties = properties;
    }

    /** The error of {@code endsOn} when this absence alone is longer than a delegate records. */
    Optional<FieldError> tooLong(LocalDate startsOn, LocalDate endsOn) {
        return days(startsOn, endsOn) > properties.maxAbsenceDays()
                ? Optional.of(FieldError.of("endsOn", "governance.field.absence-too-long", properties.maxAbsenceDays()))
                : Optional.empty();
    }

    /**
     * Refuses an absence a delegate records when, with those it runs into, the person in charge would be absent longer
     * than a delegate records ({@code 409}, the period's first and last days, its length and the maximum in words).
     */
    void refuseLongerPeriod(LocalDate startsOn, LocalDate endsOn, List<OfficerRecord> all) {
        var period = period(startsOn, endsOn, all);
        long days = days(period[0], period[1]);
        if (days > properties.maxAbsenceDays()) {
            throw new ConflictException(
                    "governance.conflict.absence-period-too-long",
                    period[0].toString(),
                    period[1].toString(),
                    days,
                    properties.maxAbsenceDays());
        }
    }

    /** The first and last days of the absences this one runs into, itself included. */
    static LocalDate[] period(LocalDate startsOn, LocalDate endsOn, List<OfficerRecord> all) {
        var absences = all.stream()
                .filter(r -> r.kind() == OfficerRecord.Kind.ABSENCE && r.endsOn() != null)
                .filter(r -> !r.endsOn().isBefore(r.startsOn())) // a withdrawn absence is no day away
                .toList();
        var start = startsOn;
        var end = endsOn;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (var a : absences) {
                boolean touches =
                        !a.startsOn().isAfter(end.plusDays(1)) && !a.endsOn().isBefore(start.minusDays(1));
                if (touches && (a.startsOn().isBefore(start) || a.endsOn().isAfter(end))) {
                    start = a.startsOn().isBefore(start) ? a.startsOn() : start;
                    end = a.endsOn().isAfter(end) ? a.endsOn() : end;
                    grew = true;
                }
            }
        }
        return new LocalDate[] {start, end};
    }

    /** The days from the first to the last, both counted. */
    static long days(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }
}
