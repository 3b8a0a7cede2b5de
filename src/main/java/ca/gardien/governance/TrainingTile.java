package ca.gardien.governance;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard tile of training: campaigns still open, the completion rate across them (acknowledged of the
 * audience, in percent), and the open campaigns past their due day, each opening the training page filtered to the
 * campaigns it counts. For the person in charge, delegates and auditors.
 */
@Component
class TrainingTile implements ProgramTile {

    private final TrainingStore store;
    private final ca.gardien.organization.OrganizationTime time;

    TrainingTile(TrainingStore store, ca.gardien.organization.OrganizationTime time) {
        this.store = store;
        this.time = time;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR)) {
            return Optional.empty();
        }
        var today = time.today();
        var open = filter(store.all(), OPEN, today);
        long audience = open.stream().mapToLong(Campaign::audience).sum();
        long acknowledged = open.stream().mapToLong(Campaign::acknowledged).sum();
        long late = filter(open, LATE, today).size();
        var link = TrainingPages.PAGE;
        var figures = new java.util.ArrayList<Figure>();
        figures.add(Figure.of("governance.tile.open", open.size(), link + "?show=" + OPEN));
        if (audience > 0) { // no rate without anyone to train; a share of the open campaigns, not a count
            figures.add(Figure.of("governance.tile.completion", acknowledged * 100 / audience, link + "?show=" + OPEN));
        }
        figures.add(Figure.alertWhenAny("governance.tile.late", late, link + "?show=" + LATE));
        return Optional.of(new Tile("governance.tile.title", link, List.copyOf(figures)));
    }

    /** The training page's filter of the campaigns still open (someone has not acknowledged yet). */
    static final String OPEN = "open";

    /** The training page's filter of the open campaigns past their due day. */
    static final String LATE = "late";

    /** The filter asked for, when the page knows it; else null (every campaign). */
    static String shown(String asked) {
        return OPEN.equals(asked) || LATE.equals(asked) ? asked : null;
    }

    /** The campaigns a filter shows, exactly those its figure counts: the tile and the page count with this. */
    static List<Campaign> filter(List<Campaign> campaigns, String shown, java.time.LocalDate today) {
        return campaigns.stream()
                .filter(c -> shown == null || c.acknowledged() < c.audience())
                .filter(c -> !LATE.equals(shown) || c.dueOn().isBefore(today))
                .toList();
    }
}
