package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why a run failed reads as a sentence in the page's language on the console and the certificate (the run keeps the
 * English reason the API returns): French on a French page, never the stored words or an exception's class alone.
 */
class RetentionFailureWordsTest {

    private final org.springframework.context.MessageSource messages = Bundles.messages();

    @Test
    void eachReasonARunKeepsReadsAsASentenceInFrenchAndEnglish() {
        var database = RetentionFinish.reason(new SQLException("refused", "08001"));
        assertThat(RetentionFinish.inWords(database, messages, Locale.CANADA_FRENCH))
                .isEqualTo("La base du connecteur a refusé une opération (état SQL 08001) : vérifiez le connecteur,"
                        + " puis lancez un nouveau passage.");
        assertThat(RetentionFinish.inWords(database, messages, Locale.ENGLISH))
                .startsWith("The connector’s database refused an operation (SQL state 08001)");

        var scope = RetentionFinish.reason(new RetentionSweeper.ScopeChanged());
        assertThat(RetentionFinish.inWords(scope, messages, Locale.CANADA_FRENCH))
                .startsWith("La règle, ses tables ou leurs annotations ont changé dans l’inventaire");

        var dataMap =
                RetentionFinish.reason(new ca.gardien.shared.InvalidInputException("rule", "retention.field.rule"));
        assertThat(RetentionFinish.inWords(dataMap, messages, Locale.CANADA_FRENCH))
                .startsWith("L’inventaire ne permet plus ce passage")
                .doesNotContain("retention.field");

        var other = RetentionFinish.reason(new IllegalStateException("synthetic"));
        assertThat(RetentionFinish.inWords(other, messages, Locale.CANADA_FRENCH))
                .startsWith("Le passage s’est arrêté sur une erreur inattendue (IllegalStateException)");
        assertThat(RetentionFinish.inWords(null, messages, Locale.ENGLISH))
                .isEqualTo("The run stopped without a recorded reason: start a new dry run.");
    }
}
