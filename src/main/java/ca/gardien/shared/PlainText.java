package ca.gardien.shared;

/**
 * What a short text shown to people (a name, a postal address) must not hold: control characters, the invisible marks
 * that make it read otherwise than it is stored (Unicode's format characters: the direction marks, overrides and
 * isolates, the zero-width space, the byte-order mark, tags…, but the zero-width joiners some scripts need) and the
 * Unicode line and paragraph separators and the Hangul fillers, and variation selectors that select nothing. A line end ({@code \n}) may be allowed. Read by code point: the tags
 * (U+E0000–E007F) and other marks beyond the first plane are two UTF-16 halves that a check by {@code char} misses.
 */
public final class PlainText {

    private PlainText() {}

    /** Whether {@code text} holds such a character (a line end {@code \n} too unless {@code lines}). */
    public static boolean hidesSomething(String text, boolean lines) {
        return text != null && (text.codePoints().anyMatch(c -> !(lines && c == '\n') && hidden(c)) || smuggles(text));
    }

    /**
     * Whether a text of several paragraphs (its line ends and tabs allowed, as a form's text box sends them: LF or CR LF)
     * does; a lone CR is not a line end a box sends (attacker's review: one shown as a line in one place and nothing in
     * another made a reason read otherwise than stored).
     */
    public static boolean hidesSomethingInProse(String text) {
        return text != null
                && (text.replace("\r\n", "\n").codePoints().anyMatch(c -> c != '\n' && c != '\t' && hidden(c))
                        || smuggles(text));
    }

    /**
     * Whether a variation selector (U+FE00–FE0F, U+E0100–E01EF) stands where it selects nothing: first, or after
     * another one. One after a character picks how it is drawn (an emoji's colour form, an ideograph's variant); a run
     * of them draws as nothing and can carry bytes unseen ("emoji smuggling").
     */
    private static boolean smuggles(String text) {
        boolean after = false; // whether the code point before could take a selector
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean selector = (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
            if (selector && !after) return true;
            after = !selector;
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Whether a text says nothing a person could read: absent, or without a single letter or digit (only spaces,
     * no-break spaces, the Braille blank or the Hangul filler, which {@link String#isBlank} does not see).
     */
    public static boolean saysNothing(String text) {
        return text == null || text.codePoints().noneMatch(c -> Character.isLetterOrDigit(c) && !filler(c));
    }

    /** The Hangul fillers: letters to Unicode, blank to the eye. */
    private static boolean filler(int c) {
        return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
    }

    private static boolean hidden(int c) {
        var type = Character.getType(c);
        return Character.isISOControl(c)
                // invisible format marks (direction marks and overrides, zero-width space, word joiner, soft hyphen,
                // tags, byte-order mark…), but the joiners some scripts and names need between two letters
                || (type == Character.FORMAT && c != 0x200C && c != 0x200D)
                || type == Character.LINE_SEPARATOR // U+2028, U+2029: a line that no line count sees
                || type == Character.PARAGRAPH_SEPARATOR
                || filler(c)
                // a lone half of a surrogate pair is no character at all
                || type == Character.SURROGATE;
    }
}
