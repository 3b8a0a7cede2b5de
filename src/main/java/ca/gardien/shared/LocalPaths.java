package ca.gardien.shared;

/**
 * The one rule for a path of this site that a page may send a browser back to (the language switch's return, the way
 * back from an expired or refused form): percent-encoded characters allowed (a connector's name), but no other host
 * ({@code //}), no dot segment, and no encoded dot, slash or backslash, which a browser reads as a dot segment or
 * another host. Read character by character, at most {@value #MAX} of them: a regular expression over a long Referer
 * recursed once per character (the attacker's review: a StackOverflowError and a thousand log lines per request).
 */
public final class LocalPaths {

    /** The longest path a page sends a browser back to. */
    static final int MAX = 2000;

    private LocalPaths() {}

    public static boolean local(String path) {
        if (path == null
                || path.isEmpty()
                || path.length() > MAX
                || path.charAt(0) != '/'
                || path.startsWith("//")
                || path.contains("/.")) {
            return false;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    return false; // fewer than two characters after it
                }
                if (!hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2)) || encodesSeparator(path, i)) {
                    return false;
                }
                i += 2;
            } else if (!plain(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '/'
                || c == '.'
                || c == '_'
                || c == '-';
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** {@code %2E}, {@code %2F} or {@code %5C} in either case: a dot, a slash or a backslash once decoded. */
    private static boolean encodesSeparator(String path, int i) {
        var code = path.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT);
        return code.equals("2E") || code.equals("2F") || code.equals("5C");
    }
}
