package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard's tiles count in words that agree with the number, capitalised alike, in French and English. */
class DashboardWordsTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|incidents.tile.open|0|Aucun incident ouvert",
                "fr|incidents.tile.open|1|1 incident ouvert",
                "fr|incidents.tile.open|3|3 incidents ouverts",
                "en|incidents.tile.open|0|No open incident",
                "en|incidents.tile.open|1|1 open incident",
                "fr|incidents.tile.unsent|0|Aucun avis requis en attente",
                "fr|governance.tile.open|0|Aucune campagne ouverte",
                "fr|governance.tile.late|0|Aucune campagne en retard",
                "en|governance.tile.open|0|No open campaign",
                "en|governance.tile.late|0|No late campaign",
                "fr|assessments.tile.to-do|0|Aucune à faire",
                "fr|assessments.tile.late-measures|1|1 évaluation avec une mesure en retard",
                "en|assessments.tile.late-measures|2|2 assessments with a late measure",
                "fr|rq.urgency.overdue|1|En retard de 1 jour",
                "fr|rq.urgency.overdue|12|En retard de 12 jours",
                "fr|rq.urgency.urgent|0|0 jour restant : urgent",
                "fr|rq.urgency.ok|30|30 jours restants",
                "en|rq.urgency.overdue|1|Overdue by 1 day",
                "en|rq.urgency.soon|5|5 days left: soon",
                "en|rq.urgency.ok|1|1 day left",
            })
    void countsAgreeWithTheirNumber(String language, String key, long count, String expected) {
        assertThat(Bundles.messages().getMessage(key, new Object[] {count}, Locale.of(language)))
                .isEqualTo(expected);
    }
}
