package ca.gardien.shared;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where the PDF renderer may end a line: where its own line breaker says (the rules of Unicode, addresses kept whole),
 * but never right after an elided article or pronoun, whose apostrophe joins it to the next word ("l’appareil",
 * "d'abord", "qu’aujourd’hui"): the renderer broke "l’ / appareil" at the end of a line (officer review). Done in the
 * breaker rather than by marking the words up, since a span kept on one line was drawn after the rest of its line, and
 * the PDF's text, copied or read aloud, came out in the wrong order. One breaker a document: it holds the text it reads.
 */
final class ElisionLineBreaker implements FSTextBreaker {

    /** The renderer's default breaker ({@code SharedContext}), which this one follows. */
    private final FSTextBreaker delegate = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));

    private String text = "";

    @Override
    public void setText(String text) {
        this.text = text;
        delegate.setText(text);
    }

    @Override
    public int next() {
        int at = delegate.next();
        while (at > 1 && at < text.length() && afterElision(at)) {
            at = delegate.next();
        }
        return at;
    }

    /** Whether the break at {@code at} follows a letter and an apostrophe and precedes a letter. */
    private boolean afterElision(int at) {
        char apostrophe = text.charAt(at - 1);
        return (apostrophe == '’' || apostrophe == '\'')
                && Character.isLetter(text.charAt(at - 2))
                && Character.isLetter(text.codePointAt(at));
    }
}
