package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a name, an address or a paragraph shown to people may not hide. */
class PlainTextTest {

    @Test
    void controlsAndInvisibleMarksAreFoundButTheJoinersScriptsNeedAreNot() {
        for (var hidden :
                new String[] {"\u0007", "\u202e", "\u200b", "\u2066", "\u00ad", "\ufeff", "\u2028", "\u2029"}) {
            assertThat(PlainText.hidesSomething("a" + hidden + "b", true))
                    .as("U+%04X", (int) hidden.charAt(0))
                    .isTrue();
            assertThat(PlainText.hidesSomethingInProse("a" + hidden + "b")).isTrue();
        }
        // beyond the first plane: tags ("ASCII smuggling"), shorthand format controls, musical symbol format marks
        for (var hidden : new int[] {0xE0049, 0xE0001, 0x1BCA0, 0x1D173}) {
            var text = "Alice" + Character.toString(hidden) + "Tremblay";
            assertThat(PlainText.hidesSomething(text, false)).as("U+%X", hidden).isTrue();
            assertThat(PlainText.hidesSomethingInProse(text)).isTrue();
        }
        assertThat(PlainText.hidesSomething("a\ud800b", false))
                .as("a lone surrogate")
                .isTrue();
        assertThat(PlainText.hidesSomething("Zoë 😀 𝔸", false))
                .as("letters and emoji beyond it")
                .isFalse();
        assertThat(PlainText.hidesSomething("क्\u200dष", false)).isFalse(); // a joiner between two letters
        assertThat(PlainText.hidesSomething("Łukasz Wałęsa-Nguyễn", false)).isFalse();
        assertThat(PlainText.hidesSomething(null, false)).isFalse();
    }

    @Test
    void aVariationSelectorAfterACharacterIsTextButARunOfThemHidesBytes() {
        assertThat(PlainText.hidesSomething("J’aime \u2764\uFE0F", false)).isFalse(); // the red heart's emoji form
        assertThat(PlainText.hidesSomething("\u845B\uDB40\uDD00 Tanaka", false)).isFalse(); // an ideograph's variant
        // one letter followed by selectors, each an encoded byte: reads "A", stores a payload
        assertThat(PlainText.hidesSomething("A\uFE01\uFE02\uFE03", false)).isTrue();
        assertThat(PlainText.hidesSomething("A\uDB40\uDD10\uDB40\uDD20 Street", false))
                .isTrue();
        assertThat(PlainText.hidesSomething("\uFE0F first", false)).isTrue();
        assertThat(PlainText.hidesSomethingInProse("Bonjour,\n\nA\uFE00\uFE01")).isTrue();
        assertThat(PlainText.hidesSomethingInProse("Bonjour \u263A\uFE0F,\nmerci."))
                .isFalse();
    }

    @Test
    void aTextOfBlanksThatStringIsBlankDoesNotSeeSaysNothing() {
        for (var blank : new String[] {null, "", " \n ", "\u00a0", "\u2800", "\u3164", "\u00a0\n\u2800", "—"}) {
            assertThat(PlainText.saysNothing(blank)).as(String.valueOf(blank)).isTrue();
        }
        assertThat(PlainText.saysNothing("\u00a0Zoë")).isFalse();
        assertThat(PlainText.saysNothing("12")).isFalse();
    }

    @Test
    void lineEndsAreTextOnlyWhereLinesAreAllowedAndProseAlsoTakesTabsAndABrowsersLineEnds() {
        assertThat(PlainText.hidesSomething("1 rue A\nQuébec", true)).isFalse();
        assertThat(PlainText.hidesSomething("1 rue A\nQuébec", false)).isTrue();
        assertThat(PlainText.hidesSomething("1 rue A\r\nQuébec", true)).isTrue();
        assertThat(PlainText.hidesSomethingInProse("Colonne\tvaleur\r\nligne\n"))
                .isFalse();
    }
}
