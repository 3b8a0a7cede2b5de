package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.References.Part;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    private final TextParts parts = new TextParts();

    @Test
    void setsEachReferenceApartAndKeepsTheTextAsItWas() {
        assertThat(parts.of("Votre demande R-2026-00042 : code (voir C-2026-00007)."))
                .containsExactly(
                        new Part("Votre demande ", false),
                        new Part("R-2026-00042", true),
                        new Part(" : code (voir ", false),
                        new Part("C-2026-00007", true),
                        new Part(").", false));
        assertThat(parts.of("I-2026-00003")).containsExactly(new Part("I-2026-00003", true));
    }

    @Test
    void aTextWithoutAWholeReferenceIsOnePartAndNothingIsNone() {
        assertThat(parts.of("R-2026-42 is typed, not written; XR-2026-00042 is no reference"))
                .containsExactly(new Part("R-2026-42 is typed, not written; XR-2026-00042 is no reference", false));
        assertThat(parts.of(null)).isEmpty();
        assertThat(parts.of("")).isEmpty();
    }
}
