package ca.gardien.governance;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard tile of training: campaigns still open, the completion rate across them (acknowledged of the
 * audience, in percent), and the people past a due date without acknowledgement. For the person in charge, delegates
 * and auditors.
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
        if (!viewer.holds(Role.PRIVACY_OFFICER) && !viewer.holds(Role.DELEGATE) && !viewer.holds(Role.AUDITOR)) {
            return Optional.empty();
        }
        var today = time.today();
        var open = store.all().stream()
                .filter(c -> c.acknowledged() < c.audience())
                .toList();
        long audience = open.stream().mapToLong(Campaign::audience).sum();
        long acknowledged = open.stream().mapToLong(Campaign::acknowledged).sum();
        long late = open.stream()
                .filter(c -> c.dueOn().isBefore(today))
                .mapToLong(c -> c.audience() - c.acknowledged())
                .sum();
        var link = TrainingPages.PAGE;
        var figures = new java.util.ArrayList<Figure>();
        figures.add(Figure.of("governance.tile.open", open.size(), link));
        if (audience > 0) { // no rate without anyone to train
            figures.add(Figure.of("governance.tile.completion", acknowledged * 100 / audience, link));
        }
        figures.add(Figure.alertWhenAny("governance.tile.late", late, link));
        return Optional.of(new Tile("governance.tile.title", link, List.copyOf(figures)));
    }
}
