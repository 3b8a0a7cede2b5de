package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** One check of what a person typed, worded by each module: the refusals, what is kept, in which order. */
class TypedTextTest {

    private final TypedText words = new TypedText("req", "long", "hides");

    @Test
    void aTextIsKeptStrippedAndOneThatSaysNothingIsAbsentOrRequired() {
        var errors = new ArrayList<FieldError>();
        assertThat(words.line(errors, "name", "  Alex Synthétique ", 200, true)).isEqualTo("Alex Synthétique");
        assertThat(words.prose(errors, "why", "Première ligne\r\nDeuxième\tligne\r\n", 2000, true))
                .isEqualTo("Première ligne\nDeuxième\tligne");
        assertThat(errors).isEmpty();
        // no-break, ideographic and Braille blanks are no text (String.isBlank sees none of them)
        assertThat(words.line(errors, "owner", "\u00a0\u3000\u2800", 200, false))
                .isNull();
        assertThat(errors).isEmpty();
        assertThat(words.prose(errors, "reason", "\u00a0 \u00a0", 2000, true)).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("reason");
            assertThat(e.key()).isEqualTo("req");
        });
    }

    @Test
    void whatHidesSomethingIsRefusedBeforeItIsCountedOrTakenForEmpty() {
        var errors = new ArrayList<FieldError>();
        words.line(errors, "a", "Titre\n== Injecté", 200, true); // a line end in a line
        words.prose(errors, "b", "Ligne\rFAUX", 2000, true); // a lone CR is no line end a box sends
        words.line(errors, "c", "\u2028", 200, false); // a line separator alone: hidden, not empty
        words.prose(errors, "d", "Marie \u202eeiram", 2000, false); // reversed text
        words.line(errors, "e", "x".repeat(201), 200, true);
        words.prose(errors, "f", "ab\r\n".repeat(3), 9, true); // 9 as the box counts it: "ab\n" three times
        assertThat(errors).extracting(FieldError::field).containsExactly("a", "b", "c", "d", "e");
        assertThat(errors).extracting(FieldError::key).containsExactly("hides", "hides", "hides", "hides", "long");
    }

    @Test
    void theThrowingFormRefusesWithTheFieldNamed() {
        assertThatThrownBy(() -> TypedText.SHARED.line("title", "\u0000", 10, true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("title"));
        assertThat(TypedText.SHARED.prose("note", null, 10, false)).isNull();
    }
}
