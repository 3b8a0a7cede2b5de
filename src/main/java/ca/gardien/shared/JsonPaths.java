package ca.gardien.shared;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Turns a JSON parse failure into the path of the offending field, without the offending value. */
final class JsonPaths {

    private JsonPaths() {}

    static String describe(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException je)) {
            return null;
        }
        var sb = new StringBuilder();
        for (var ref : je.getPath()) {
            if (ref.from() instanceof java.util.Map) {
                break; // a key of a map is the caller's (attacker's re-check: a card number as a key came back)
            }
            if (ref.getPropertyName() != null) {
                if (!NAME.matcher(ref.getPropertyName()).matches()) {
                    break; // a key the caller made up (a map's): the path stops at what holds it, never echoes it
                }
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        var duplicate = duplicated(je);
        if (duplicate != null) { // a key given twice: named where it was given (STRICT_DUPLICATE_DETECTION)
            if (!sb.isEmpty()) sb.append('.');
            sb.append(duplicate);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The key a body gave twice, when the failure is that one and the key is a plain name; else null. */
    private static String duplicated(JacksonException e) {
        var said = e.getOriginalMessage();
        var prefix = "Duplicate Object property \"";
        if (said == null || !said.startsWith(prefix)) {
            return null;
        }
        int end = said.indexOf('"', prefix.length());
        var name = end < 0 ? null : said.substring(prefix.length(), end);
        return name != null && NAME.matcher(name).matches() ? name : null;
    }

    /**
     * A field name as a body's own fields and map keys Gardien chose are written; anything else is the caller's
     * (attacker's re-check: a key with a direction override, a NUL, markup and 5,000 characters came back in the
     * problem's {@code errors[].field}).
     */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
}
