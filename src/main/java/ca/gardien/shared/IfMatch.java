package ca.gardien.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110, section 13.1.1): {@code *}, any current version, or a list of entity tags, the
 * versions the caller read. A header that is neither (garbage, empty, a tag without its quotes, {@code *} in a list) is
 * bad input naming the header, never taken as a version: an attacker's probe found it answered "someone else changed
 * it", and a tag without quotes taken as one. A weak tag ({@code W/"…"}) names the same version as its strong one: a
 * proxy that compresses a response weakens its ETag, and the caller sends back what it was given.
 *
 * @param any {@code *}: whatever version is current
 * @param tags the versions named (without quotes), when not {@code any}
 */
public record IfMatch(boolean any, List<String> tags) {

    /** The header's name, the field a refusal names. */
    public static final String HEADER = "If-Match";

    static final String INVALID = "shared.field.if-match";

    /**
     * One element of the list and what follows it: a comma and the next, or the end. An element is an entity tag (RFC
     * 9110 etagc: no quote, no control) or nothing: a list may hold empty elements, {@code "3",} is {@code "3"} (RFC 9110,
     * section 5.6.1). Possessive spaces: the two runs of spaces around an empty element backtracked against each other
     * (attacker's review: 7,000 spaces took 0.4 s).
     */
    private static final Pattern TAG =
            Pattern.compile("[ \\t]*+(?:(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\")?[ \\t]*+(,|$)");

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /**
     * The header as sent, null when there is none.
     *
     * @throws InvalidInputException when it is neither {@code *} nor a list of entity tags
     */
    public static IfMatch of(String header) {
        if (header == null) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        var tags = new ArrayList<String>();
        var matcher = TAG.matcher(header);
        int at = 0;
        while (at < header.length() && matcher.region(at, header.length()).lookingAt()) {
            if (matcher.group(1) != null) {
                tags.add(matcher.group(1));
            }
            at = matcher.end();
            if (matcher.group(2).isEmpty()) {
                break;
            }
        }
        if (tags.isEmpty() || at < header.length()) {
            throw new InvalidInputException(HEADER, INVALID);
        }
        return new IfMatch(false, tags);
    }

    /** Whether the version {@code current} (null: there is none) is one this header names. */
    public boolean matches(String current) {
        return current != null && (any || tags.contains(current));
    }
}
