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
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IabStringsTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final ConsentProperties.Iab CMP = new ConsentProperties.Iab(300, 2, 48, 5, false);
    static final UUID SUBJECT = UUID.randomUUID();

    static Purpose purpose(String id, String category, Integer... iab) {
        return new Purpose(id, new Text(id, id), null, "primary", true, category, List.of(iab));
    }

    static ConsentRecord record(String purpose, State state, Kind kind, Instant at, Instant until) {
        return record(purpose, state, kind, at, until, null);
    }

    static ConsentRecord record(String purpose, State state, Kind kind, Instant at, Instant until, String language) {
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
                new ConsentRecord.Proof(null, null, null, language, false),
                at,
                until);
    }

    static IabSignals signals(List<Integer> express, List<Integer> implied) {
        return new IabSignals(new TreeSet<>(express), new TreeSet<>(implied), null);
    }

    static final List<Purpose> PURPOSES = List.of(
            purpose("service", null, 1), purpose("stats", "statistics", 8, 9), purpose("ads", "marketing", 2, 3));

    @Test
    void roundTripsExpressAndImpliedConsentPerPurposeThroughTheGppCanadianSection() {
        var encoded = IabStrings.encode(signals(List.of(8, 9), List.of(7)), CMP, "fr", NOW);
        assertThat(encoded.gppSid()).containsExactly(5);
        assertThat(encoded.reasons()).isEmpty();

        var decoded = IabDecoder.gpp(encoded.gpp(), "gpp");
        assertThat(decoded.sectionIds()).containsExactly(5);
        var core = decoded.sections().get("tcfcav1").getFirst();
        assertThat(IabStrings.ids(bits(core.get("PurposesExpressConsent")))).containsExactly(8, 9);
        assertThat(IabStrings.ids(bits(core.get("PurposesImpliedConsent")))).containsExactly(7);
        assertThat(core).containsEntry("CmpId", 300).containsEntry("CmpVersion", 2);
        assertThat(core).containsEntry("VendorListVersion", 48).containsEntry("ConsentLanguage", "FR");
        assertThat(encoded.sections()).isEqualTo(decoded.sections()); // what the banner's getSection answers
    }

    @Test
    void leavesPurposeOneOutOfTheCanadianSectionWhichDoesNotUseItButNotOutOfTheTcfString() {
        var encoded = IabStrings.encode(signals(List.of(1, 2), List.of(1)), CMP, "fr", NOW);
        var core =
                IabDecoder.gpp(encoded.gpp(), "gpp").sections().get("tcfcav1").getFirst();
        assertThat(IabStrings.ids(bits(core.get("PurposesExpressConsent")))).containsExactly(2);
        assertThat(IabStrings.ids(bits(core.get("PurposesImpliedConsent")))).isEmpty();
        assertThat(IabDecoder.tcf(encoded.tcf(), "tcf").purposeConsents()).containsExactly(1, 2);
    }

    @Test
    void tcfStringCarriesOnlyExpressConsentIsServiceSpecificAndHasTheDisclosedVendorsSegment() {
        var encoded = IabStrings.encode(signals(List.of(2, 3), List.of(4)), CMP, "en", NOW);
        var decoded = IabDecoder.tcf(encoded.tcf(), "tcf");
        assertThat(decoded.purposeConsents()).containsExactly(2, 3);
        assertThat(decoded.purposeLegitimateInterests()).isEmpty();
        assertThat(decoded.consentLanguage()).isEqualTo("EN");
        assertThat(decoded.isServiceSpecific()).isTrue(); // a string with IsServiceSpecific=0 is invalid
        assertThat(decoded.policyVersion()).isEqualTo(5);
        assertThat(decoded.cmpId()).isEqualTo(300);
        assertThat(decoded.vendorListVersion()).isEqualTo(48);
        assertThat(decoded.publisherCountryCode()).isEqualTo("CA");
        assertThat(encoded.tcf().split("\\.")).hasSize(2).endsWith(IabStrings.EMPTY_DISCLOSED_VENDORS);
        assertThat(decoded.vendorsDisclosed()).isEmpty();
        assertThat(encoded.tcData()).isEqualTo(decoded);
    }

    @Test
    void withoutARegisteredCmpIdEmitsNoTcfStringAndAnEmptyGppStringAndSaysWhy() {
        var unset = new ConsentProperties.Iab(0, 1, 0, 5, false);
        var encoded = IabStrings.encode(signals(List.of(2, 8), List.of()), unset, "fr", NOW);
        assertThat(encoded.tcf()).isNull();
        assertThat(encoded.tcData()).isNull();
        assertThat(encoded.gpp()).isEqualTo("DBAA"); // the GPP header alone: no section
        assertThat(encoded.gppSid()).isEmpty();
        assertThat(encoded.sections()).isEmpty();
        assertThat(encoded.reasons()).containsExactly("cmp-id-unset", "vendor-list-version-unset");
        assertThat(IabDecoder.gpp(encoded.gpp(), "gpp").sectionIds()).isEmpty();

        assertThat(new ConsentProperties.Iab(1, 1, 48, 5, false).reasons()).containsExactly("cmp-id-unset");
        assertThat(new ConsentProperties.Iab(300, 1, 0, 5, false).reasons())
                .containsExactly("vendor-list-version-unset");
        assertThat(CMP.reasons()).isEmpty();
    }

    @Test
    void refusesCmpSettingsTheStringsCannotHold() {
        assertThatThrownBy(() -> new ConsentProperties.Iab(4096, 1, 1, 5, false))
                .hasMessageContaining("cmp-id");
        assertThatThrownBy(() -> new ConsentProperties.Iab(300, 1, 1, 64, false))
                .hasMessageContaining("tcf-policy-version");
    }

    @Test
    void datesBothStringsByTheDayOfTheChoiceAndWritesTheLanguageItWasMadeIn() {
        var history = List.of(
                record(
                        "cookie-statistics",
                        State.GRANTED,
                        Kind.EXPRESS,
                        Instant.parse("2026-11-18T09:00:00Z"),
                        null,
                        "fr"),
                record(
                        "cookie-marketing",
                        State.REFUSED,
                        Kind.EXPRESS,
                        Instant.parse("2026-11-20T23:59:00Z"),
                        null,
                        "en"));
        var signals = IabSignals.of(PURPOSES, history, NOW);
        assertThat(signals.choice().at()).isEqualTo(Instant.parse("2026-11-20T23:59:00Z"));
        assertThat(signals.choice().language()).isEqualTo("en");

        var encoded = IabStrings.encode(signals, CMP, "fr", NOW); // the page asked in French
        var tcf = IabDecoder.tcf(encoded.tcf(), "tcf");
        var day = Instant.parse("2026-11-20T00:00:00Z");
        assertThat(tcf.created()).isEqualTo(day);
        assertThat(tcf.lastUpdated()).isEqualTo(day);
        assertThat(tcf.consentLanguage()).isEqualTo("EN");
        var core =
                IabDecoder.gpp(encoded.gpp(), "gpp").sections().get("tcfcav1").getFirst();
        assertThat(core).containsEntry("Created", day).containsEntry("LastUpdated", day);
        assertThat(core).containsEntry("ConsentLanguage", "EN");
    }

    @Test
    void withoutAChoiceDatesTheStringsTodayInTheLanguageOfThePage() {
        var encoded = IabStrings.encode(IabSignals.NONE, CMP, "en", NOW);
        var tcf = IabDecoder.tcf(encoded.tcf(), "tcf");
        assertThat(tcf.created()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(tcf.consentLanguage()).isEqualTo("EN");
        assertThat(tcf.purposeConsents()).isEmpty();
    }

    @Test
    void anExpiryDatesTheStringsButKeepsTheLanguageOfTheLastChoice() {
        var history = List.of(
                record("stats", State.GRANTED, Kind.EXPRESS, Instant.parse("2026-11-01T10:00:00Z"), null, "en"),
                record("stats", State.EXPIRED, Kind.EXPRESS, Instant.parse("2026-11-25T10:00:00Z"), null, null));
        var choice = IabSignals.of(PURPOSES, history, NOW).choice();
        assertThat(choice.at()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(choice.language()).isEqualTo("en");
    }

    @Test
    void rejectsBadStringsNamingTheField() {
        assertThatThrownBy(() -> IabDecoder.gpp("not a gpp string", "gpp"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("not a gpp"));
        assertThatThrownBy(() -> IabDecoder.gpp("DBABjw~xyz", "gpp")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IabDecoder.gpp("DBABLA", "gpp")) // the header names a section that is missing
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IabDecoder.tcf("%%%", "tcf")).isInstanceOf(InvalidInputException.class);
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

    @SuppressWarnings("unchecked")
    static List<Boolean> bits(Object value) {
        return (List<Boolean>) value;
    }
}
