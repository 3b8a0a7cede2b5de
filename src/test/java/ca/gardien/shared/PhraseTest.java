package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PhraseTest {

    private final ResourceBundleMessageSource messages = bundles();

    private static ResourceBundleMessageSource bundles() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aKeptPhraseIsReadInTheReadersLanguageWithItsNestedPhrases() {
        var failure = Phrase.of(
                "connectors.failure.step",
                3,
                Phrase.of("connectors.step-kind.DELETE"),
                "address",
                Phrase.of("connectors.failure.database", "P0001"));
        var kept = Phrase.fromStored(failure.stored());

        assertThat(kept).isEqualTo(failure);
        assertThat(kept.in(messages, Locale.ENGLISH))
                .isEqualTo("step 3 (deletion), table address: the database answered with an error (SQL state P0001)");
        assertThat(kept.in(messages, Locale.FRENCH))
                .isEqualTo("étape 3 (suppression), table address : la base de données a répondu par une erreur"
                        + " (état SQL P0001)");
    }

    @Test
    void wordsSomeoneElseWroteAreShownAsTheyAreEvenWithBracesAndApostrophes() {
        var reason = Phrase.verbatim("Account {0} isn't here");
        assertThat(Phrase.fromStored(reason.stored()).in(messages, Locale.FRENCH))
                .isEqualTo("Account {0} isn't here");
    }

    @Test
    void textStoredBeforePhrasesReadsAsVerbatimWords() {
        assertThat(Phrase.fromStored("database error, SQL state 08001").in(messages, Locale.FRENCH))
                .isEqualTo("database error, SQL state 08001");
        assertThat(Phrase.fromStored("[1, 2]").in(messages, Locale.ENGLISH)).isEqualTo("[1, 2]");
        assertThat(Phrase.fromStored(null)).isNull();
    }

    @Test
    void aPhraseNamesABundleKeyAndFewArguments() {
        assertThatThrownBy(() -> Phrase.of("Connector failed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Phrase.of("a.b", 1, 2, 3, 4, 5, 6, 7, 8, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownKeyShowsAsItselfRatherThanFailingAPage() {
        assertThat(Phrase.of("connectors.note.unknown-yet").in(messages, Locale.FRENCH))
                .isEqualTo("connectors.note.unknown-yet");
    }
}
