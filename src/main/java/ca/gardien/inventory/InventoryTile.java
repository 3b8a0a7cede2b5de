package ca.gardien.inventory;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The data map's tile on the dashboard: its legal gaps by severity (high, medium, low) and, for the person in charge,
 * whether the notice generated from the map awaits approval. A severity's figure opens the gap list filtered to the gaps
 * it counts (that severity, still waiting), and links nowhere when there are none.
 */
@Component
class InventoryTile implements ProgramTile {

    static final String[] SEVERITIES = {"high", "medium", "low"};

    private final GapReport gaps;
    private final NoticeVersions notices;

    InventoryTile(GapReport gaps, NoticeVersions notices) {
        this.gaps = gaps;
        this.notices = notices;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (viewer.roles().isEmpty()) {
            return Optional.empty();
        }
        // a gap whose risk was accepted or that was resolved no longer waits for anyone
        var found = gaps.gaps(Locale.FRENCH).stream()
                .filter(g -> g.decision().pending())
                .toList();
        var figures = new ArrayList<Figure>();
        for (var severity : SEVERITIES) {
            long count =
                    found.stream().filter(g -> severity.equals(g.severity())).count();
            figures.add(new Figure(
                    "dashboard.gaps." + severity,
                    count,
                    count == 0 ? null : "/console/inventory/gaps?severity=" + severity + "&pending=true",
                    count == 0 ? Tone.NEUTRAL : "high".equals(severity) ? Tone.ALERT : Tone.ATTENTION));
        }
        if (viewer.holds(Role.PRIVACY_OFFICER)) {
            long pending = notices.awaitsApproval() ? 1 : 0;
            figures.add(new Figure(
                    "dashboard.notice.awaiting-approval",
                    pending,
                    "/console/inventory#notice",
                    pending > 0 ? Tone.ATTENTION : Tone.NEUTRAL));
        }
        return Optional.of(new Tile("dashboard.gaps.title", "/console/inventory", figures));
    }
}
