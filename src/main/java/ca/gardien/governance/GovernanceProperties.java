package ca.gardien.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the governance module ({@code gardien.governance.*}; {@code tick}, how often training reminders are
 * considered, is read where it is scheduled).
 *
 * @param maxAbsence the longest absence of the person in charge a delegate records, in whole days, counting every day
 *     of the absences it runs into (overlapping or back to back): beyond, the person in charge records it (attacker's
 *     review: one-day absences recorded day after day kept the substitute empowered without end)
 */
@ConfigurationProperties("gardien.governance")
record GovernanceProperties(Duration maxAbsence) {

    /** The default of {@code gardien.governance.max-absence}. */
    static final Duration MAX_ABSENCE = Duration.ofDays(30);

    GovernanceProperties {
        maxAbsence = maxAbsence == null ? MAX_ABSENCE : maxAbsence;
        if (maxAbsence.toDays() < 1 || !maxAbsence.equals(Duration.ofDays(maxAbsence.toDays()))) {
            throw new IllegalArgumentException("gardien.governance.max-absence must be a whole number of days (30d)");
        }
    }

    /** {@link #maxAbsence} in days. */
    long maxAbsenceDays() {
        return maxAbsence.toDays();
    }
}
