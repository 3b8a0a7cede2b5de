package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complaint pages and tile count in words that agree with the number, in French and English ("1 open complaint"). */
class ComplaintWordsTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|complaints.tile.open|0|No open complaint",
                "en|complaints.tile.open|1|1 open complaint",
                "en|complaints.tile.open|2|2 open complaints",
                "en|complaints.tile.open|1200|1,200 open complaints",
                "fr|complaints.tile.open|1|1 plainte ouverte",
                "fr|complaints.tile.open|3|3 plaintes ouvertes",
                "en|complaints.tile.due-soon|0|None due within 7 days",
                "fr|complaints.tile.due-soon|1|1 due d’ici 7 jours",
                "fr|complaints.tile.due-soon|2|2 dues d’ici 7 jours",
                "en|complaints.tile.overdue|1|1 overdue",
                "fr|complaints.tile.overdue|0|Aucune en retard",
                "en|complaints.page.days|1|1 day",
                "en|complaints.page.days|5|5 days",
                "en|complaints.page.days|0|0 days",
                "en|complaints.page.days|-1|-1 day",
                "en|complaints.page.days|-4|-4 days",
                "fr|complaints.page.days|1|1 jour",
                "fr|complaints.page.days|12|12 jours",
                "en|complaints.page.size|1|1 byte",
                "fr|complaints.page.size|512|512 octets",
                "en|complaints.page.reasons|0|Reasons for the complaint",
                "en|complaints.form.reasons|0|Reasons for the complaint",
            })
    void countsAgreeWithTheirNumber(String language, String key, long count, String expected) {
        assertThat(Bundles.messages().getMessage(key, new Object[] {count}, Locale.of(language)))
                .isEqualTo(expected);
    }
}
