package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The consent tile: the share of current choices that are consents and its move over 30 days, by an injected clock. */
class ConsentTileTest extends WebTestSupport {

    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentRates rates;

    /** Rates that read {@code current} now and {@code before} 30 days ago. */
    static ConsentRates stub(List<ConsentReports.PurposeRate> current, List<ConsentReports.PurposeRate> before) {
        return new ConsentRates(null) {
            @Override
            List<ConsentReports.PurposeRate> now(Instant now) {
                assertThat(now).isEqualTo(NOW);
                return current;
            }

            @Override
            List<ConsentReports.PurposeRate> then(Instant then) {
                assertThat(then).isEqualTo(NOW.minus(Duration.ofDays(30)));
                return before;
            }
        };
    }

    static Optional<ProgramTile.Tile> tile(ConsentRates rates, Role role) {
        return new ConsentTile(rates, Clock.fixed(NOW, ZoneOffset.UTC))
                .tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of(role)));
    }

    @Test
    void readsTheShareOfConsentsAndItsRiseOverThirtyDaysInPoints() {
        var current = List.of(
                new ConsentReports.PurposeRate("newsletter", 3, 1, 0, 0),
                new ConsentReports.PurposeRate("analytics", 0, 0, 1, 0));
        var before = List.of(new ConsentReports.PurposeRate("newsletter", 1, 1, 0, 0));

        var figures =
                tile(stub(current, before), Role.PRIVACY_OFFICER).orElseThrow().figures();

        assertThat(figures)
                .extracting(ProgramTile.Figure::labelKey, ProgramTile.Figure::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dashboard.consent.rate", 60L),
                        org.assertj.core.groups.Tuple.tuple("dashboard.consent.up", 10L),
                        org.assertj.core.groups.Tuple.tuple("dashboard.consent.choices", 5L));
    }

    @Test
    void aFallReadsAsADropToWatch() {
        var figures = tile(
                        stub(
                                List.of(new ConsentReports.PurposeRate("newsletter", 1, 3, 0, 0)),
                                List.of(new ConsentReports.PurposeRate("newsletter", 1, 1, 0, 0))),
                        Role.AUDITOR)
                .orElseThrow()
                .figures();

        assertThat(figures.get(1).labelKey()).isEqualTo("dashboard.consent.down");
        assertThat(figures.get(1).value()).isEqualTo(25);
        assertThat(figures.get(1).tone()).isEqualTo(ProgramTile.Tone.ATTENTION);
    }

    /** Officer's review (2026-12-07): "up 50 points in 30 days" when there was no choice 30 days ago. */
    @Test
    void withNoChoiceThirtyDaysAgoTheTileShowsNoTrend() {
        var figures = tile(
                        stub(List.of(new ConsentReports.PurposeRate("newsletter", 1, 1, 0, 0)), List.of()),
                        Role.AUDITOR)
                .orElseThrow()
                .figures();

        assertThat(figures)
                .extracting(ProgramTile.Figure::labelKey, ProgramTile.Figure::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dashboard.consent.rate", 50L),
                        org.assertj.core.groups.Tuple.tuple("dashboard.consent.choices", 2L));
    }

    @Test
    void withNoChoiceYetTheTileSaysSoWithoutARateOfNothing() {
        var figures = tile(stub(List.of(), List.of()), Role.PRIVACY_OFFICER)
                .orElseThrow()
                .figures();

        assertThat(figures)
                .extracting(ProgramTile.Figure::labelKey, ProgramTile.Figure::value)
                .as("officer's walk: '0 % des choix en vigueur sont des consentements' beside 'Aucun choix enregistré'")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dashboard.consent.choices", 0L));
    }

    @Test
    void staffWhoCannotOpenTheConsentPagesSeeNoConsentTile() {
        assertThat(tile(stub(List.of(), List.of()), Role.STAFF)).isEmpty();
    }

    @Test
    void theRatesOfThePastLeaveOutChoicesMadeSince() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        var beforeTheChoice = Instant.now().minusSeconds(5);
        var grantedThen = granted(rates.then(beforeTheChoice));
        // the database is shared with other tests: compare each rate with itself, before and after this one choice
        var grantedNow = granted(rates.now(Instant.now().plusSeconds(5)));

        var email = "tile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ledger.record(
                new ConsentRequest(
                        new ConsentRequest.SubjectIds(email, null, null, null),
                        "newsletter",
                        State.GRANTED,
                        ConsentTerms.Kind.EXPRESS,
                        null,
                        ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        null),
                Actor.SYSTEM);

        assertThat(granted(rates.then(beforeTheChoice))).isEqualTo(grantedThen);
        assertThat(granted(rates.now(Instant.now().plusSeconds(5)))).isEqualTo(grantedNow + 1);
    }

    private static long granted(List<ConsentReports.PurposeRate> rates) {
        return rates.stream()
                .filter(r -> r.purpose().equals("newsletter"))
                .mapToLong(ConsentReports.PurposeRate::granted)
                .sum();
    }
}
