package ca.gardien.console;

import ca.gardien.shared.References;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A text in parts, its references apart, for a page to keep each reference on one line (officer's walk at 390 px:
 * "R-" at the end of a line, "2026-00042" on the next); the text itself is unchanged, a reference copied is still the
 * reference. Used by the fragment {@code fragments :: with-references}.
 */
@Component("textParts")
class TextParts {

    /** One part: a reference, or the text between two. */
    public record Part(String text, boolean reference) {}

    public List<Part> of(String text) {
        var parts = new ArrayList<Part>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        var matcher = References.WRITTEN.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(text.substring(at, matcher.start()), false));
            }
            parts.add(new Part(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }
}
