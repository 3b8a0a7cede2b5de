package ca.gardien.console;

import ca.gardien.shared.References;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A text in parts, its references apart ({@link References#inText}), for a page to keep each reference on one line
 * (officer's walk at 390 px: "R-" at the end of a line, "2026-00042" on the next); the text itself is unchanged, a
 * reference copied is still the reference. Used by the fragment {@code fragments :: with-references}.
 */
@Component("textParts")
class TextParts {

    public List<References.Part> of(String text) {
        return References.inText(text);
    }
}
