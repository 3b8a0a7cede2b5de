package ca.gardien.shared;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * Text typed by staff as the paragraphs of a letter's XHTML (and so of its PDF): the one way every letter keeps what was
 * typed as it was laid out. A blank line starts a new paragraph ({@code <p>}), a single line end is a line break
 * ({@code <br/>}); every character is escaped, so that a typed {@code <b>} stays text.
 */
public final class LetterParagraphs {

    /**
     * One or more empty (or blank) lines between two paragraphs; each line end taken whole (atomic), so that the
     * {@code \r\n} a browser sends for one line end is never read as two.
     */
    private static final Pattern BLANK_LINES = Pattern.compile("(?>\\R)(?:[ \\t]*(?>\\R))+");

    private static final Pattern LINE_END = Pattern.compile("\\R");

    private LetterParagraphs() {}

    /** The text's paragraphs as {@code <p>} elements with their line breaks; nothing for a null or blank text. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return Arrays.stream(BLANK_LINES.split(text.strip()))
                .map(p -> "<p>" + lines(p) + "</p>")
                .collect(Collectors.joining());
    }

    /** The text escaped, each line end a {@code <br/>}: one paragraph's content. */
    public static String lines(String text) {
        return LINE_END.splitAsStream(text)
                .map(line -> HtmlUtils.htmlEscape(line, "UTF-8"))
                .collect(Collectors.joining("<br/>"));
    }
}
