package ca.gardien.shared;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Legal references as stored ("P-39.1, s. 17", "P-39.1, ss. 4, 5, 8") read into the act and its sections, so that a
 * page cites them in its own language's style through the messages {@code law.section} and {@code law.sections}
 * ("art." in French, "s."/"ss." in English). Templates use it as {@code @legalCitations}.
 */
@Component("legalCitations")
public class LegalCitations {

    private static final Pattern STORED = Pattern.compile("^(.+?),?\\s+(ss?)\\.\\s+(.+)$");

    /** A reference read: the act, its sections, whether there are several; {@code sections} null when not stored so. */
    private record Citation(String act, String sections, boolean plural, String text) {}

    private final org.springframework.context.MessageSource messages;

    public LegalCitations(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /** A reference in the style of the page's language, for templates ({@code @legalCitations.cite(ref, #locale)}). */
    public String cite(String reference, java.util.Locale locale) {
        return messages.getMessage(words(reference), locale);
    }

    /**
     * A reference as words a message source resolves in the reader's language ("P-39.1, art. 17" / "P-39.1, s. 17"),
     * e.g. as an argument of another message; a reference not in the stored form is said as it is.
     */
    public static org.springframework.context.MessageSourceResolvable words(String reference) {
        var c = read(reference);
        if (c.sections() == null) {
            return new org.springframework.context.support.DefaultMessageSourceResolvable(
                    new String[0], new Object[0], c.text());
        }
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {c.plural() ? "law.sections" : "law.section"},
                new Object[] {c.act(), c.sections()},
                c.text());
    }

    private static Citation read(String reference) {
        if (reference == null) {
            return new Citation("", null, false, "");
        }
        var m = STORED.matcher(reference.strip());
        return m.matches()
                ? new Citation(m.group(1), m.group(3), "ss".equals(m.group(2)), reference)
                : new Citation(reference, null, false, reference);
    }
}
