package ca.gardien.consent;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The consent tile of the dashboard: the share of current choices that are consents (every purpose together, the
 * latest choice of each person per purpose) and how it moved over the last {@value #TREND_DAYS} days, in points.
 */
@Component
class ConsentTile implements ProgramTile {

    static final int TREND_DAYS = 30;

    private final ConsentRates rates;
    private final Clock clock;

    ConsentTile(ConsentRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR)) {
            return Optional.empty();
        }
        var now = clock.instant();
        var current = rates.now(now);
        long percent = percent(current);
        var then = rates.then(now.minus(Duration.ofDays(TREND_DAYS)));
        long before = percent(then);
        // no choice 30 days ago: nothing to compare with (officer's review: "up 50 points" from nothing)
        boolean comparable =
                then.stream().mapToLong(ConsentReports.PurposeRate::total).sum() > 0;
        long total =
                current.stream().mapToLong(ConsentReports.PurposeRate::total).sum();
        long change = percent - before;
        var trendKey = change > 0
                ? "dashboard.consent.up"
                : change < 0 ? "dashboard.consent.down" : "dashboard.consent.steady";
        if (total == 0) { // no choice yet: a rate and a trend of nothing would read "0 %"
            return Optional.of(new Tile(
                    "dashboard.consent.title",
                    "/console/consent",
                    List.of(Figure.of("dashboard.consent.choices", 0, "/console/consent"))));
        }
        var figures = new java.util.ArrayList<Figure>();
        figures.add(Figure.of("dashboard.consent.rate", percent, "/console/consent"));
        if (comparable) {
            figures.add(new Figure(
                    trendKey, Math.abs(change), "/console/consent", change < 0 ? Tone.ATTENTION : Tone.NEUTRAL));
        }
        figures.add(Figure.of("dashboard.consent.choices", total, "/console/consent"));
        return Optional.of(new Tile("dashboard.consent.title", "/console/consent", figures));
    }

    /** Consents among current choices, in whole percent (0 when nobody was asked). */
    static long percent(List<ConsentReports.PurposeRate> rates) {
        long granted =
                rates.stream().mapToLong(ConsentReports.PurposeRate::granted).sum();
        long total = rates.stream().mapToLong(ConsentReports.PurposeRate::total).sum();
        return total == 0 ? 0 : Math.round(100.0 * granted / total);
    }
}
