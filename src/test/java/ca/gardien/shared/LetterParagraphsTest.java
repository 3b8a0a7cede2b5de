package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What staff type into a letter keeps its layout: a blank line a paragraph, a line end a break, markup as text. */
class LetterParagraphsTest {

    @Test
    void aBlankLineStartsAParagraphAndALineEndIsABreak() {
        assertThat(LetterParagraphs.of("Bonjour,\r\n\r\n \nVous trouverez ci-joint le relevé.\nCordialement"))
                .isEqualTo("<p>Bonjour,</p><p>Vous trouverez ci-joint le relevé.<br/>Cordialement</p>");
    }

    @Test
    void aBrowsersLineEndIsOneBreakNotAParagraph() {
        assertThat(LetterParagraphs.of("Le relevé.\r\nCordialement")).isEqualTo("<p>Le relevé.<br/>Cordialement</p>");
    }

    @Test
    void typedMarkupStaysTextAndNothingTypedGivesNoParagraph() {
        assertThat(LetterParagraphs.of("<script>x</script> & «b»"))
                .isEqualTo("<p>&lt;script&gt;x&lt;/script&gt; &amp; «b»</p>");
        assertThat(LetterParagraphs.of(" \n ")).isEmpty();
        assertThat(LetterParagraphs.of(null)).isEmpty();
    }
}
