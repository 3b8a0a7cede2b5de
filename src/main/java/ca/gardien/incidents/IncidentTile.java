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
        if (!viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR)) {
            return Optional.empty();
        }
        var open = incidents.all().stream()
                .filter(i -> i.status() != IncidentStatus.CLOSED)
                .toList();
        long unsent = open.stream().filter(i -> !i.unsentNotices().isEmpty()).count();
        var oldest = open.stream()
                .map(i -> java.util.Map.entry(i, incidents.promptness(i)))
                .filter(e -> e.getValue().running())
                .max(java.util.Comparator.comparing(e -> e.getValue().sinceAwareness()));
        var figures = new java.util.ArrayList<Figure>(List.of(
                Figure.of("incidents.tile.open", open.size(), REGISTER + "?status=open"),
                Figure.alertWhenAny("incidents.tile.unsent", unsent, REGISTER + "?unsent=true")));
        // the hours since awareness only while an incident is still to handle: no "0 h" when none is open; not a count,
        // so it opens the entry it is about rather than a list
        oldest.ifPresent(e -> figures.add(new Figure(
                "incidents.tile.hours",
                e.getValue().sinceAwareness().toHours(),
                REGISTER + "/" + e.getKey().id(),
                switch (e.getValue().urgency()) {
                    case ALERT -> Tone.ALERT;
                    case WARNING -> Tone.ATTENTION;
                    default -> Tone.NEUTRAL;
                })));
        return Optional.of(new Tile("incidents.tile.title", REGISTER, List.copyOf(figures)));
    }
}
