package ca.gardien.retention;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The retention tile of the dashboard: rules whose dry run awaits approval, runs sweeping or paused, runs failed,
 * active legal holds, and anonymizing rules whose risk analysis is overdue for its periodic update or whose register
 * entry is to be completed (as the register's page says it). Each
 * figure opens the retention page showing only what it counts ({@link RetentionFigures}). The person in charge,
 * delegates and auditors see it.
 */
@Component
class RetentionTile implements ProgramTile {

    static final String PAGE = "/console/retention";

    private final RetentionFigures figures;
    private final RetentionHolds holds;

    RetentionTile(RetentionFigures figures, RetentionHolds holds) {
        this.figures = figures;
        this.holds = holds;
    }

    @Override
    public int order() {
        return 480;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR)) {
            return Optional.empty();
        }
        return Optional.of(new Tile(
                "retention.tile.title",
                PAGE,
                List.of(
                        Figure.alertWhenAny("retention.tile.awaiting", count("awaiting"), shown("awaiting")),
                        Figure.of("retention.tile.sweeping", count("sweeping"), shown("sweeping")),
                        Figure.alertWhenAny("retention.tile.failed", count("failed"), shown("failed")),
                        Figure.of("retention.tile.holds", holds.active().size(), PAGE + "?show=holds#holds"),
                        Figure.alertWhenAny("retention.tile.reassess", count("reassess"), shown("reassess")),
                        Figure.alertWhenAny("retention.tile.unassessed", count("unassessed"), shown("unassessed")))));
    }

    private long count(String show) {
        return figures.rules(show).size();
    }

    /** The retention page showing only the rules a figure counts (its latest run, for runs: one per rule). */
    private static String shown(String show) {
        return PAGE + "?show=" + show;
    }
}
