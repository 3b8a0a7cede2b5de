package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTest {

    static final Deadlines DEADLINES = ShippedProfiles.deadlines();

    @ParameterizedTest(name = "{0} received {1} → due {2} (moved from {3}: {4})")
    @CsvSource(nullValues = "-", textBlock = """
            # jurisdiction, receivedOn, dueOn, movedFrom, why
            QC, 2026-05-25, 2026-06-25, 2026-06-24, Fête nationale (Wednesday)
            QC, 2026-02-06, 2026-03-09, 2026-03-08, Sunday
            QC, 2026-03-04, 2026-04-04, 2026-04-03, Good Friday; the Saturday after is not a holiday
            QC, 2026-03-07, 2026-04-07, 2026-04-06, Easter Monday
            QC, 2026-04-18, 2026-05-19, 2026-05-18, Journée nationale des patriotes (Monday before 25 May)
            QC, 2029-06-01, 2029-07-03, 2029-07-01, 1 July a Sunday; so 2 July is the holiday too
            QC, 2027-11-25, 2027-12-27, 2027-12-25, Christmas on a Saturday; then a Sunday
            QC, 2026-08-08, 2026-09-08, 2026-09-07, Labour Day
            QC, 2026-09-12, 2026-10-13, 2026-10-12, Thanksgiving (second Monday of October)
            QC, 2026-02-07, 2026-03-09, -, an ordinary Monday
            QC, 2026-12-02, 2027-01-02, 2027-01-01, New Year Day; 2 January (Saturday) is open
            GDPR, 2026-03-15, 2026-04-15, -, one month
            GDPR, 2026-01-31, 2026-03-02, 2026-02-28, end of a shorter month; a Saturday: next working day
            GDPR, 2026-05-09, 2026-06-09, -, ordinary
            CCPA, 2026-01-01, 2026-02-15, -, 45 calendar days; a Sunday stays
            CCPA, 2026-03-01, 2026-04-15, -, ordinary
            """)
    void computesTheDueDateOfEachProfile(
            String jurisdiction, LocalDate receivedOn, LocalDate dueOn, LocalDate movedFrom) {
        var deadline = DEADLINES.compute(jurisdiction, receivedOn);

        assertThat(deadline.dueOn()).isEqualTo(dueOn);
        assertThat(deadline.movedFrom()).isEqualTo(movedFrom);
    }

    @Test
    void quebecHasNoExtensionAndDeemsRefusalAtExpiry() {
        var deadline = DEADLINES.compute("QC", LocalDate.parse("2026-05-25"));

        assertThat(deadline.extensionAllowed()).isFalse();
        assertThat(deadline.extendedDueOn()).isNull();
        assertThat(deadline.deemedRefusalOnExpiry()).isTrue();
        assertThat(deadline.movedBecause()).containsExactly("2026-06-24:fete-nationale");
        assertThat(deadline.rule()).contains("s. 32");
    }

    @Test
    void gdprAllowsTwoMoreMonthsCountedFromReceipt() {
        var deadline = DEADLINES.compute("GDPR", LocalDate.parse("2026-01-31"));

        assertThat(deadline.extendedDueOn()).isEqualTo("2026-04-30");
        assertThat(deadline.deemedRefusalOnExpiry()).isFalse();
    }

    @Test
    void ccpaAllowsFortyFiveMoreDaysAndRequiresAcknowledgementWithinTenBusinessDays() {
        var deadline = DEADLINES.compute("CCPA", LocalDate.parse("2026-01-01"));

        assertThat(deadline.extendedDueOn()).isEqualTo("2026-04-01");
        assertThat(deadline.acknowledgeBy()).isEqualTo("2026-01-15");
    }

    @Test
    void computesQuebecHolidaysForAnyYearIncludingEaster() {
        var days = DEADLINES.holidays("QC", 2027);

        assertThat(days)
                .containsEntry("good-friday", LocalDate.parse("2027-03-26"))
                .containsEntry("easter-monday", LocalDate.parse("2027-03-29"))
                .containsEntry("patriotes", LocalDate.parse("2027-05-24"))
                .containsEntry("labour-day", LocalDate.parse("2027-09-06"))
                .containsEntry("thanksgiving", LocalDate.parse("2027-10-11"));
        assertThat(HolidayRule.easterSunday(2000)).isEqualTo("2000-04-23");
        assertThat(HolidayRule.easterSunday(2038)).isEqualTo("2038-04-25");
        assertThat(HolidayRule.easterSunday(2285)).isEqualTo("2285-03-22");
    }

    @Test
    void aConfiguredProclaimedDayMovesTheDeadline() {
        var base = ShippedProfiles.properties();
        var calendars = new java.util.TreeMap<>(base.calendars());
        var qc = base.calendars().get("QC");
        calendars.put(
                "QC",
                new RequestsProperties.Calendar(
                        qc.closedWeekdays(), qc.holidays(), java.util.Set.of(LocalDate.parse("2026-03-09"))));
        var deadlines = new Deadlines(shipped(calendars, base.jurisdictions(), base.primaryJurisdiction()));

        var deadline = deadlines.compute("QC", LocalDate.parse("2026-02-06"));

        assertThat(deadline.dueOn()).isEqualTo("2026-03-10");
        assertThat(deadline.movedBecause()).containsExactly("2026-03-08:sunday", "2026-03-09:proclaimed");
    }

    @Test
    void aProfileThatDeemsSilenceARefusalMustSayHowLongTheRemedyLasts() {
        var base = ShippedProfiles.properties();
        var jurisdictions = new java.util.TreeMap<>(base.jurisdictions());
        var qc = base.jurisdictions().get("QC");
        jurisdictions.put(
                "QC",
                new RequestsProperties.Jurisdiction(
                        qc.response(),
                        qc.extension(),
                        qc.calendar(),
                        qc.zone(),
                        true,
                        qc.acknowledgeWithinBusinessDays(),
                        qc.businessCalendar(),
                        qc.erasure(),
                        qc.rule(),
                        null));

        assertThatThrownBy(() -> new Deadlines(shipped(base.calendars(), jurisdictions, base.primaryJurisdiction())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gardien.requests.jurisdictions.QC.remedy-days");
    }

    /** The shipped settings with these calendars, profiles and primary jurisdiction. */
    private static RequestsProperties shipped(
            Map<String, RequestsProperties.Calendar> calendars,
            Map<String, RequestsProperties.Jurisdiction> jurisdictions,
            String primary) {
        var base = ShippedProfiles.properties();
        return new RequestsProperties(
                calendars,
                jurisdictions,
                base.verification(),
                base.workflow(),
                base.delivery(),
                base.retention(),
                base.limits(),
                base.keyDirectory(),
                "CA",
                primary);
    }

    @Test
    void thePrimaryJurisdictionIsTheOneNamedElseTheOnlyProfileElseNone() {
        var base = ShippedProfiles.properties();
        assertThat(DEADLINES.primary()).as("as shipped: Québec").isEqualTo("QC");
        assertThat(new Deadlines(shipped(base.calendars(), base.jurisdictions(), "gdpr")).primary())
                .isEqualTo("GDPR");
        assertThat(new Deadlines(shipped(base.calendars(), base.jurisdictions(), " ")).primary())
                .as("several profiles, none named: the officer chooses")
                .isNull();
        var gdprOnly = Map.of("GDPR", base.jurisdictions().get("GDPR"));
        assertThat(new Deadlines(shipped(base.calendars(), gdprOnly, null)).primary())
                .as("one profile: that one")
                .isEqualTo("GDPR");
    }

    @Test
    void requestsNoOneFiledUnderAProfileGoUnderThePrimaryElseTheFirstByName() {
        var base = ShippedProfiles.properties();
        assertThat(DEADLINES.filing()).as("as shipped: Québec").isEqualTo("QC");
        assertThat(new Deadlines(shipped(base.calendars(), base.jurisdictions(), "gdpr")).filing())
                .isEqualTo("GDPR");
        assertThat(new Deadlines(shipped(base.calendars(), base.jurisdictions(), " ")).filing())
                .as("several profiles, none named: the first by name, never a hard-coded Québec")
                .isEqualTo("CCPA");
    }

    @Test
    void aPrimaryJurisdictionThatNamesNoProfileStopsTheStartNamingTheSetting() {
        var base = ShippedProfiles.properties();
        assertThatThrownBy(() -> new Deadlines(shipped(base.calendars(), base.jurisdictions(), "ON")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gardien.requests.primary-jurisdiction");
    }

    @Test
    void rejectsAnUnknownJurisdictionNamingTheField() {
        assertThatThrownBy(() -> DEADLINES.compute("XX", LocalDate.parse("2026-01-01")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("jurisdiction"));
    }

    @Test
    void rejectsAMalformedHolidayRule() {
        assertThatThrownBy(() -> HolidayRule.parse("13-45")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HolidayRule.parse("third friday")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Map.of("r", HolidayRule.parse("last monday 05")).get("r").in(2026))
                .contains(LocalDate.parse("2026-05-25"));
    }
}
