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

    /**
     * A greeting on the message's first line, alone on it and ending with a comma ("Bonjour Madame Tremblay,", "Dear
     * Ms. Smith,"): the letter opens with it, before its own sentences (officer review: « Nous avons donné suite à
     * votre demande. » came before « Bonjour Madame… », and a complaint's answer printed it after « Voici notre
     * réponse et ses motifs : »).
     */
    private static final Pattern GREETING = Pattern.compile("\\A([^\\n]{1,100},)[ \\t]*(?:\\n|\\z)");

    /** The start of a letter's last paragraph, kept on the page of its closing and signature. */
    private static final String LAST_PARAGRAPH = "<p>";

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

    /**
     * What staff typed split in two: its greeting (null when its first line is not one) and the rest (null when nothing
     * follows).
     */
    public record Opening(String greeting, String rest) {}

    public static Opening opening(String message) {
        if (message == null || message.isBlank()) {
            return new Opening(null, null);
        }
        var text = message.strip().replace("\r\n", "\n");
        var greeting = GREETING.matcher(text);
        if (!greeting.find()) {
            return new Opening(null, text);
        }
        var rest = text.substring(greeting.end()).strip();
        return new Opening(greeting.group(1).strip(), rest.isEmpty() ? null : rest);
    }

    /**
     * Appends the closing and signature (lines, escaped here) kept on one page with the letter's last paragraph when
     * the letter ends with one: never alone at the top of a last page (officer review).
     */
    public static void signed(StringBuilder html, java.util.List<String> signature) {
        int last = html.lastIndexOf(LAST_PARAGRAPH);
        boolean endsWithParagraph = last >= 0 && html.indexOf("</p>", last) == html.length() - "</p>".length();
        var block = "<p>"
                + String.join(
                        "<br/>",
                        signature.stream()
                                .map(l -> HtmlUtils.htmlEscape(l, "UTF-8"))
                                .toList()) + "</p></div>";
        html.insert(endsWithParagraph ? last : html.length(), "<div " + PdfDocuments.KEEP_TOGETHER + ">");
        html.append(block);
    }

    /** The text escaped, each line end a {@code <br/>}: one paragraph's content. */
    public static String lines(String text) {
        return LINE_END.splitAsStream(text)
                .map(line -> HtmlUtils.htmlEscape(line, "UTF-8"))
                .collect(Collectors.joining("<br/>"));
    }
}
