package ca.gardien.incidents;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the incidents module ({@code gardien.incidents.*}). Québec says "promptly" without hours: the alert
 * thresholds are the organization's own targets, not law. The five-year keeping is a floor (the regulation's section
 * number is unverified, the period is configurable upward).
 *
 * @param alertAfter the times since awareness at which an unsent required notice turns the entry to warning, then alert
 * @param gdprClock also show the GDPR's 72-hour clock to the supervisory authority (art. 33)
 * @param gdprDeadline that clock's length
 * @param retention how long an entry is kept after the date of awareness, at least
 * @param reminderEvery how often the officer is reminded while a required notice is unsent
 * @param maxMeasures the most measures an entry holds: each is printed in the register and the notices, and an entry
 *     is kept five years (attacker's review: 292 measures made the register's PDF take minutes to build)
 */
@ConfigurationProperties("gardien.incidents")
public record IncidentsProperties(
        List<Duration> alertAfter,
        Boolean gdprClock,
        Duration gdprDeadline,
        Period retention,
        Duration reminderEvery,
        Integer maxMeasures) {

    /** The default of {@code gardien.incidents.max-measures}. */
    public static final int MAX_MEASURES = 100;

    public IncidentsProperties {
        alertAfter = alertAfter == null || alertAfter.isEmpty()
                ? List.of(Duration.ofHours(24), Duration.ofHours(72))
                : alertAfter.stream().sorted().toList();
        gdprClock = gdprClock != null && gdprClock;
        gdprDeadline = gdprDeadline == null ? Duration.ofHours(72) : gdprDeadline;
        retention = retention == null || retention.toTotalMonths() < 60 ? Period.ofYears(5) : retention;
        reminderEvery = reminderEvery == null ? Duration.ofHours(24) : reminderEvery;
        maxMeasures = maxMeasures == null ? MAX_MEASURES : maxMeasures;
        if (maxMeasures < 1) {
            throw new IllegalArgumentException("gardien.incidents.max-measures must be at least 1");
        }
    }
}
