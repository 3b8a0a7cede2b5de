package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Purpose;
import ca.gardien.inventory.Text;
import ca.gardien.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IabStringsTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final ConsentProperties.Iab CMP = new ConsentProperties.Iab(300, 2, 48);
    static final UUID SUBJECT = UUID.randomUUID();

    static Purpose purpose(String id, String category, Integer... iab) {
        return new Purpose(id, new Text(id, id), null, "primary", true, category, List.of(iab));
    }

    static ConsentRecord record(String purpose, State state, Kind kind, Instant at, Instant until) {
        return new ConsentRecord(
                UUID.randomUUID(),
                SUBJECT,
                purpose,
                state,
                kind,
                ConsentTerms.GivenBy.PERSON,
                ConsentTerms.Channel.API,
                null,
                null,
                new ConsentRecord.Proof(null, null, null, null, false),
                at,
                until);
    }

    static final List<Purpose> PURPOSES = List.of(
            purpose("service", null, 1), purpose("stats", "statistics", 8, 9), purpose("ads", "marketing", 2, 3));

    @Test
    void roundTripsExpressAndImpliedConsentPerPurposeThroughTheGppCanadianSection() {
        var signals = new IabSignals(new TreeSet<>(List.of(8, 9)), new TreeSet<>(List.of(1)));
        var encoded = IabStrings.encode(signals, CMP, Locale.FRENCH, NOW);
        assertThat(encoded.gppSid()).containsExactly(5);

        var decoded = IabStrings.decodeGpp(encoded.gpp(), "gpp");
        assertThat(decoded.section()).isEqualTo("tcfcav1");
        assertThat(decoded.purposesExpress()).containsExactly(8, 9);
        assertThat(decoded.purposesImplied()).containsExactly(1);
        assertThat(decoded.cmpId()).isEqualTo(300);
        assertThat(decoded.consentLanguage()).isEqualTo("FR");
    }

    @Test
    void tcfV22StringCarriesOnlyExpressConsent() {
        var signals = new IabSignals(new TreeSet<>(List.of(2, 3)), new TreeSet<>(List.of(1)));
        var decoded = IabStrings.decodeTcf(
                IabStrings.encode(signals, CMP, Locale.ENGLISH, NOW).tcf(), "tcf");
        assertThat(decoded.purposesExpress()).containsExactly(2, 3);
        assertThat(decoded.consentLanguage()).isEqualTo("EN");
        assertThat(decoded.lastUpdated()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void rejectsBadStringsNamingTheField() {
        assertThatThrownBy(() -> IabStrings.decodeGpp("not a gpp string", "gpp"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("not a gpp"));
        assertThatThrownBy(() -> IabStrings.decodeGpp("DBABjw~xyz", "gpp")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IabStrings.decodeTcf("%%%", "tcf")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mapsGrantsToIabPurposesExpressOrImpliedAndCookieChoicesToTheirCategory() {
        var history = List.of(
                record("service", State.GRANTED, Kind.IMPLICIT, NOW.minusSeconds(60), null),
                record("cookie-statistics", State.GRANTED, Kind.EXPRESS, NOW.minusSeconds(50), null),
                record("cookie-marketing", State.REFUSED, Kind.EXPRESS, NOW.minusSeconds(50), null));
        var signals = IabSignals.of(PURPOSES, history, NOW);
        assertThat(signals.express()).containsExactly(8, 9);
        assertThat(signals.implied()).containsExactly(1);
    }

    @Test
    void withdrawnOrExpiredConsentGivesNoIabPurpose() {
        var history = List.of(
                record("stats", State.GRANTED, Kind.EXPRESS, NOW.minusSeconds(60), null),
                record("stats", State.WITHDRAWN, Kind.EXPRESS, NOW.minusSeconds(30), null),
                record("ads", State.GRANTED, Kind.EXPRESS, NOW.minusSeconds(60), NOW.minus(Duration.ofSeconds(1))));
        var signals = IabSignals.of(PURPOSES, history, NOW);
        assertThat(signals.express()).isEmpty();
        assertThat(signals.implied()).isEmpty();
    }

    @Test
    void anIabPurposeSharedByTwoGardienPurposesNeedsBothGranted() {
        var purposes = List.of(purpose("a", null, 7), purpose("b", null, 7));
        var one = List.of(record("a", State.GRANTED, Kind.EXPRESS, NOW.minusSeconds(9), null));
        assertThat(IabSignals.of(purposes, one, NOW).express()).isEmpty();
        var both = List.of(
                record("a", State.GRANTED, Kind.EXPRESS, NOW.minusSeconds(9), null),
                record("b", State.GRANTED, Kind.IMPLICIT, NOW.minusSeconds(8), null));
        var signals = IabSignals.of(purposes, both, NOW);
        assertThat(signals.express()).isEmpty();
        assertThat(signals.implied()).containsExactly(7);
    }
}
