package ca.gardien.shared;

import java.util.regex.Pattern;

/**
 * The one rule for a path of this site that a page may send a browser back to (the language switch's return, the way
 * back from an expired form): percent-encoded characters allowed (a connector's name), but no other host ({@code //}),
 * no dot segment, and no encoded dot, slash or backslash, which a browser reads as a dot segment or another host.
 */
public final class LocalPaths {

    private static final Pattern LOCAL =
            Pattern.compile("/(?:[A-Za-z0-9/._-]|%(?!2[eEfF]|5[cC])[0-9A-Fa-f]{2}){0,2000}");

    private LocalPaths() {}

    public static boolean local(String path) {
        return path != null && LOCAL.matcher(path).matches() && !path.startsWith("//") && !path.contains("/.");
    }
}
