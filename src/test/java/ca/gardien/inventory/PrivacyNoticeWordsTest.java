package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.time.Period;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** The notice's words come from the bundles: durations with their plurals and French typography in each language. */
class PrivacyNoticeWordsTest {

    private final MessageSource messages = Bundles.messages();

    @Test
    void durationsReadWithTheirPluralsInEachLanguage() {
        var period = Period.of(2, 1, 1);
        assertThat(PrivacyNotice.duration(period, Locale.CANADA_FRENCH, messages))
                .isEqualTo("2 ans et 1 mois et 1 jour");
        assertThat(PrivacyNotice.duration(period, Locale.CANADA, messages)).isEqualTo("2 years and 1 month and 1 day");
        assertThat(PrivacyNotice.duration(Period.of(1, 3, 2), Locale.FRENCH, messages))
                .isEqualTo("1 an et 3 mois et 2 jours");
        assertThat(PrivacyNotice.duration(Period.ZERO, Locale.ENGLISH, messages))
                .isEqualTo("no time");
    }

    @Test
    void retentionUsesEachLanguagesColon() {
        var rule = new RetentionRule(
                "r", new Text("Dossiers clients", "Customer files"), "P7Y", "end", null, null, "anonymize", null);
        assertThat(PrivacyNotice.retention(rule, Locale.FRENCH, messages))
                .isEqualTo("Dossiers clients : 7 ans, puis anonymisés");
        assertThat(PrivacyNotice.retention(rule, Locale.ENGLISH, messages))
                .isEqualTo("Customer files: 7 years, then anonymized");
    }

    @Test
    void anUnknownLanguageGetsFrench() {
        assertThat(PrivacyNotice.duration(Period.ofDays(1), Locale.GERMAN, messages))
                .isEqualTo("1 jour");
    }
}
