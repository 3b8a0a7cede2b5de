package ca.gardien.incidents;

import java.time.Duration;
import java.time.Instant;

/**
 * The "promptly" clock of one entry: time since awareness (until closing, for a closed entry), and how urgent it reads while the entry is not assessed or
 * a required notice is unsent. Thresholds come from {@link IncidentsProperties#alertAfter()}.
 *
 * @param running the clock matters: the entry is open and not assessed, or a required notice is unsent
 * @param stage how many thresholds have passed while running (0 within target, then warning, then alert)
 * @param gdprDueAt the GDPR 72-hour deadline to the supervisory authority, when that profile is on
 */
@org.springframework.modulith.NamedInterface("views")
public record Promptness(
        Duration sinceAwareness, boolean running, Urgency urgency, Instant gdprDueAt, boolean gdprOverdue) {

    public enum Urgency {
        NONE,
        WITHIN_TARGET,
        WARNING,
        ALERT
    }

    public static Promptness of(Incident incident, Instant now, IncidentsProperties properties) {
        var aware = incident.awareAt().toInstant();
        // a closed entry's clock stopped when it was closed
        var end = incident.status() == IncidentStatus.CLOSED && incident.closedAt() != null ? incident.closedAt() : now;
        var since = end.isBefore(aware) ? Duration.ZERO : Duration.between(aware, end);
        boolean running = incident.status() != IncidentStatus.CLOSED
                && (incident.assessment() == null || !incident.unsentNotices().isEmpty());
        var urgency = Urgency.NONE;
        if (running) {
            long passed = properties.alertAfter().stream()
                    .filter(t -> since.compareTo(t) >= 0)
                    .count();
            urgency = passed == 0
                    ? Urgency.WITHIN_TARGET
                    : passed >= properties.alertAfter().size() ? Urgency.ALERT : Urgency.WARNING;
        }
        Instant gdprDue = null;
        boolean gdprOverdue = false;
        if (properties.gdprClock()) {
            gdprDue = aware.plus(properties.gdprDeadline());
            boolean commissionPending = incident.assessment() == null
                    || incident.unsentNotices().contains(RiskAssessment.Notice.COMMISSION);
            gdprOverdue = commissionPending && incident.status() != IncidentStatus.CLOSED && !now.isBefore(gdprDue);
        }
        return new Promptness(since, running, urgency, gdprDue, gdprOverdue);
    }
}
