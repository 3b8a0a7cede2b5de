package ca.gardien.shared;

/**
 * What a short text shown to people (a name, a postal address) must not hold: control characters, and the invisible
 * marks that make it read otherwise than it is stored (U+202A–U+202E and U+2066–U+2069, which reverse or isolate a
 * text's direction, the zero-width space and the byte-order mark). A line end may be allowed.
 */
public final class PlainText {

    private PlainText() {}

    /** Whether {@code text} holds such a character (a line end {@code \n} too unless {@code lines}). */
    public static boolean hidesSomething(String text, boolean lines) {
        return text != null && text.chars().anyMatch(c -> !(lines && c == '\n') && hidden(c));
    }

    private static boolean hidden(int c) {
        return Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200B
                || c == 0xFEFF;
    }
}
