package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date and signature block every letter of the organization shares (complaints, rights requests). */
class LetterheadTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|2026-12-01|1er décembre 2026",
                "fr|2026-12-02|2 décembre 2026",
                "fr|2026-12-11|11 décembre 2026",
                "fr|2027-01-21|21 janvier 2027",
                "en|2026-12-01|December 1, 2026",
            })
    void lettersWriteTheDayAsALetterDatesIt(String language, String day, String expected) {
        var letterhead = Letterhead.of(Bundles.messages(), LocalDate::now, Optional::empty);
        assertThat(letterhead.day(LocalDate.parse(day), Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    @Test
    void aLetterIsDatedWithTheOrganizationsDayInItsLanguage() {
        var letterhead = Letterhead.of(Bundles.messages(), () -> LocalDate.parse("2027-04-01"), Optional::empty);
        assertThat(letterhead.dated(Locale.CANADA_FRENCH)).isEqualTo("Le 1er avril 2027");
        assertThat(letterhead.dated(Locale.ENGLISH)).isEqualTo("April 1, 2027");
    }

    @Test
    void theSignatureNamesThePersonInChargeAndLeavesOutAPhoneThereIsNot() {
        var person = SyntheticLetterhead.PROFILE.personInCharge();
        var withoutPhone = new OrganizationProfile(
                "Synthetic Organization Inc.",
                null,
                SyntheticLetterhead.PROFILE.address(),
                new OrganizationProfile.PersonInCharge(
                        person.name(), person.title(), person.titleEn(), person.email(), null),
                null);
        var letterhead = Letterhead.of(Bundles.messages(), LocalDate::now, () -> Optional.of(withoutPhone));
        assertThat(letterhead.signature(Locale.ENGLISH))
                .containsExactly(
                        "Yours sincerely,",
                        "Officer Synthetic",
                        "Privacy officer",
                        "Synthetic Organization Inc.",
                        "privacy@example.test");
        assertThat(Letterhead.of(Bundles.messages(), LocalDate::now, Optional::empty)
                        .signature(Locale.CANADA_FRENCH))
                .containsExactly("Veuillez agréer nos salutations distinguées.");
    }

    @Test
    void theSignatureGivesTheTitleInTheLettersLanguageAndTheFrenchOneWhenThereIsNoEnglishOne() {
        var p = SyntheticLetterhead.PROFILE;
        var person = p.personInCharge();
        var titled = new OrganizationProfile(
                p.legalName(),
                null,
                p.address(),
                new OrganizationProfile.PersonInCharge(
                        person.name(), "Directrice des opérations", "Director of Operations", person.email(), null),
                null);
        var letterhead = Letterhead.of(Bundles.messages(), LocalDate::now, () -> Optional.of(titled));
        assertThat(letterhead.signature(Locale.CANADA_FRENCH))
                .contains("Directrice des opérations")
                .doesNotContain("Director of Operations");
        assertThat(letterhead.signature(Locale.ENGLISH))
                .contains("Director of Operations")
                .doesNotContain("Directrice des opérations");

        var frenchOnly = new OrganizationProfile(
                p.legalName(),
                null,
                p.address(),
                new OrganizationProfile.PersonInCharge(
                        person.name(), "Directrice des opérations", " ", person.email(), null),
                null);
        assertThat(Letterhead.of(Bundles.messages(), LocalDate::now, () -> Optional.of(frenchOnly))
                        .signature(Locale.ENGLISH))
                .contains("Directrice des opérations");
    }
}
