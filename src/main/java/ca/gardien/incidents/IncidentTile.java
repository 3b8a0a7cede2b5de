package ca.gardien.incidents;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The incidents tile of the dashboard: open entries, entries with a required notice unsent, and the hours since
 * awareness of the oldest entry whose "promptly" clock is running (alert once past the last threshold). The person in
 * charge, delegates and auditors see it; staff hold no incident work.
 */
@Component
class IncidentTile implements ProgramTile {

    static final String REGISTER = "/console/incidents";

    private final Incidents incidents;

    IncidentTile(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holds(Role.PRIVACY_OFFICER) && !viewer.holds(Role.DELEGATE) && !viewer.holds(Role.AUDITOR)) {
            return Optional.empty();
        }
        var open = incidents.all().stream()
                .filter(i -> i.status() != IncidentStatus.CLOSED)
                .toList();
        long unsent = open.stream().filter(i -> !i.unsentNotices().isEmpty()).count();
        var oldest = open.stream()
                .map(incidents::promptness)
                .filter(Promptness::running)
                .max(java.util.Comparator.comparing(Promptness::sinceAwareness));
        var hours = oldest.map(p -> p.sinceAwareness().toHours()).orElse(0L);
        var tone = oldest.map(p -> switch (p.urgency()) {
                    case ALERT -> Tone.ALERT;
                    case WARNING -> Tone.ATTENTION;
                    default -> Tone.NEUTRAL;
                })
                .orElse(Tone.NEUTRAL);
        return Optional.of(new Tile(
                "incidents.tile.title",
                REGISTER,
                List.of(
                        Figure.of("incidents.tile.open", open.size(), REGISTER + "?status=open"),
                        Figure.alertWhenAny("incidents.tile.unsent", unsent, REGISTER + "?unsent=true"),
                        new Figure("incidents.tile.hours", hours, REGISTER + "?unsent=true", tone))));
    }
}
