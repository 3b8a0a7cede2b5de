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
 * @param maxSupplements the most supplements to the notice to the Commission an entry holds, and {@code
 *     maxTransmissions} the most transmissions of the persons' notices recorded another way: each is listed on the
 *     entry's page and kept five years (attacker's review: 1,000 of each made the page 3.2 MB)
 */
@ConfigurationProperties("gardien.incidents")
public record IncidentsProperties(
        List<Duration> alertAfter,
        Boolean gdprClock,
        Duration gdprDeadline,
        Period retention,
        Duration reminderEvery,
        Integer maxMeasures,
        Integer maxSupplements,
        Integer maxTransmissions) {

    /** The default of {@code gardien.incidents.max-measures}. */
    public static final int MAX_MEASURES = 100;

    /** The defaults of {@code gardien.incidents.max-supplements} and {@code max-transmissions}. */
    public static final int MAX_SUPPLEMENTS = 100, MAX_TRANSMISSIONS = 50;

    public IncidentsProperties {
        alertAfter = alertAfter == null || alertAfter.isEmpty()
                ? List.of(Duration.ofHours(24), Duration.ofHours(72))
                : alertAfter.stream().sorted().toList();
        gdprClock = gdprClock != null && gdprClock;
        gdprDeadline = gdprDeadline == null ? Duration.ofHours(72) : gdprDeadline;
        retention = retention == null || retention.toTotalMonths() < 60 ? Period.ofYears(5) : retention;
        reminderEvery = reminderEvery == null ? Duration.ofHours(24) : reminderEvery;
        maxMeasures = maxMeasures == null ? MAX_MEASURES : maxMeasures;
        maxSupplements = maxSupplements == null ? MAX_SUPPLEMENTS : maxSupplements;
        maxTransmissions = maxTransmissions == null ? MAX_TRANSMISSIONS : maxTransmissions;
        if (maxMeasures < 1 || maxSupplements < 1 || maxTransmissions < 1) {
            throw new IllegalArgumentException(
                    "gardien.incidents.max-measures, max-supplements and max-transmissions must be at least 1");
        }
    }
}
