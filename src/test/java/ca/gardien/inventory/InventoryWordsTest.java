package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data map pages count in words that agree with the number ("1 manque", never "manque(s)"), ÉFVP spelled alike. */
class InventoryWordsTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|inventory.notice.warning|16|2|Attention : 16 écarts élevés ouverts et 2 mentions à préciser.",
                "fr|inventory.notice.warning|1|0|Attention : 1 écart élevé ouvert et aucune mention à préciser.",
                "en|inventory.notice.warning|16|2|Warning: 16 open high gaps and 2 passages to be completed.",
                "en|inventory.notice.warning|1|1|Warning: 1 open high gap and 1 passage to be completed.",
                "fr|inventory.planned|1|0|1 changement à appliquer",
                "fr|inventory.applied|3|0|3 changements appliqués",
                "en|inventory.planned|0|0|No change to apply",
                "en|inventory.applied|1|0|1 change applied",
                "fr|inventory.rule.system-without-pia|0|0|Système sans ÉFVP",
                "fr|inventory.rule.transfer-without-approved-pia|0|0|Communication hors Québec sans ÉFVP approuvée",
            })
    void countsAgreeWithTheirNumber(String language, String key, long first, long second, String expected) {
        assertThat(Bundles.messages().getMessage(key, new Object[] {first, second}, Locale.of(language)))
                .startsWith(expected)
                .doesNotContain("(s)", "EFVP");
    }
}
