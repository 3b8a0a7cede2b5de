package ca.gardien.shared;

/**
 * A table or column name as Gardien takes one from a person (the data map, a legal hold, the console's retention form):
 * a letter or {@code _}, then letters, digits, {@code _} or {@code $}, at most 128 characters — a name every supported
 * database reads unquoted the same way, and that carries nothing to quote. The one definition of it.
 */
public final class SqlNames {

    /** The longest name taken. */
    public static final int MAX = 128;

    private SqlNames() {}

    /** Whether {@code text} is such a name. */
    public static boolean isName(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean first = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean next = (c >= '0' && c <= '9') || c == '$';
            if (!(first || (i > 0 && next))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is {@code table.column}, two such names. */
    public static boolean isQualified(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        return dot > 0 && isName(text.substring(0, dot)) && isName(text.substring(dot + 1));
    }
}
