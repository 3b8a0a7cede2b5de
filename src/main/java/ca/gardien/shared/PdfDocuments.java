package ca.gardien.shared;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Turns a well-formed XHTML letter into a PDF: the one way Gardien renders a written answer (access packages, complaint
 * answers, incident notices) so that every letter shares the same renderer and fonts. It renders at once, never waits
 * for a turn nor refuses: a PDF a step files or hands over (a complaint's answer, the answer a person downloads) is
 * rendered before that step's transaction; a PDF a reader asks for (the register, a report) takes its turn among the
 * reader's downloads first ({@link PdfDownloads}).
 */
public final class PdfDocuments {

    /** What XML 1.0 cannot hold: control characters but tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    /** The class of a block kept on one page: {@code <p class="keep-together">}. */
    public static final String KEEP_TOGETHER = "class=\"keep-together\"";

    private static final String KEEP_TOGETHER_CLASS = "keep-together";

    /** A run of characters without spaces in the text between two tags: a word, or an address. */
    private static final Pattern WORD = Pattern.compile("[^\\s<>]+");

    /** The longest word read as an address: a longer one wraps anywhere rather than run off the page. */
    private static final int ADDRESS_MAX = 200;

    /**
     * The longest address kept whole on one line: it fits a line of a letter and the value column of its found-data
     * table. A longer one may break after {@code / ? & = -} (officer review: a 167-character address kept on one line
     * ran off the page and was lost on paper).
     */
    private static final int ADDRESS_WHOLE = 40;

    /** After each of the places a long address may break: {@code / ? = -} and an escaped {@code &}. */
    private static final Pattern ADDRESS_BREAK = Pattern.compile("(?<=[/?=-]|&amp;)(?!$)");

    /** The paper every PDF is printed on ({@code gardien.letters.paper-size}, set once at start: {@link LetterPaper}). */
    private static volatile Paper paper = Paper.LETTER;

    /** A paper size: US Letter, which Canadian offices print on, or A4. */
    public enum Paper {
        LETTER("letter"),
        A4("A4");

        private final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    private static final Pattern TEXT = Pattern.compile(">([^<]+)<");

    /**
     * What every rendering goes through; a test puts a slow renderer here (one that waits on a latch, or notes whether a
     * transaction is open) to show who waits for whom without timing anything.
     */
    private static volatile java.util.function.UnaryOperator<java.util.function.Supplier<byte[]>> hook = r -> r;

    private PdfDocuments() {}

    /** The text without the characters XML cannot hold, so that a letter always renders whatever was typed. */
    public static String xmlSafe(String text) {
        return text == null ? null : NOT_XML.matcher(text).replaceAll("");
    }

    /**
     * A font that holds the letters of the names people give (Latin with every accent, Vietnamese, Cyrillic, Greek): the
     * PDF's standard fonts hold only Western European letters, and "Łukasz Wałęsa-Nguyễn" printed as "#ukasz Wa##sa-Nguy#n"
     * in a letter whose HTML was right. DejaVu Sans, shipped with Gardien ({@code fonts/DejaVu-LICENSE.txt}), embedded as
     * the subset a document uses; it is the body's font, after the document's own styles.
     */
    private static final String FAMILY = "DejaVuSans"; // one word: the CSS needs no quotes

    /**
     * The body's font; a block marked {@value #KEEP_TOGETHER} (a letter's closing and signature) never split over two
     * pages (officer review: the last two lines of a signature alone on a second page), and no margin after it or the
     * body that would start an empty page of its own; an address never broken at a dot ({@link #unbroken}).
     */
    private static final String FONT = "body{font-family:" + FAMILY
            + ",sans-serif;margin-bottom:0;word-wrap:break-word}." + KEEP_TOGETHER_CLASS
            + "{page-break-inside:avoid;margin-bottom:0}." + KEEP_TOGETHER_CLASS
            + " p:last-child{margin-bottom:0}.nobreak{white-space:nowrap}"
            // a table keeps the widths its columns give (officer review: a long value squeezed « Catégorie » to a
            // letter a line), and a long value wraps within its column
            + "table{width:100%;table-layout:fixed;border-collapse:collapse;-fs-table-paginate:paginate}"
            + "tr{page-break-inside:avoid}"
            // a heading stays with what it heads and a table's header row is repeated on every page it spans
            // (officer's walk: a system's heading and the header row alone at the foot of a page, rows without one)
            + "h1,h2,h3,h4{page-break-after:avoid}thead{display:table-header-group}"
            + "th,td{text-align:left;vertical-align:top;word-wrap:break-word;padding:2pt 4pt 2pt 0}";

    /** From now on, each rendering as {@code around} runs it (tests only); {@code null}: as it is. */
    static void around(java.util.function.UnaryOperator<java.util.function.Supplier<byte[]>> around) {
        hook = around == null ? r -> r : around;
    }

    /** The paper for the PDFs made from now on; the configuration sets it at start. */
    static void paper(Paper size) {
        paper = size;
    }

    private static void font(PdfRendererBuilder builder, String file, int weight) {
        builder.useFont(
                () -> PdfDocuments.class.getResourceAsStream("/fonts/" + file),
                FAMILY,
                weight,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                true);
    }

    private static String withFont(String xhtml, String pages) {
        int head = xhtml.indexOf("</head>");
        var style = "<style>" + pages + FONT + "</style></head>";
        return head < 0 ? xhtml : xhtml.substring(0, head) + style + xhtml.substring(head + "</head>".length());
    }

    /**
     * The body with each address in its text kept on one line: the renderer broke "www.cai.gouv.qc.ca" after
     * "www.cai." at the end of a line (officer review), where no reader looks for the rest of an address.
     */
    static String unbroken(String xhtml) {
        int body = xhtml.indexOf("<body");
        if (body < 0) {
            return xhtml;
        }
        var text = TEXT.matcher(xhtml.substring(body));
        var out = new StringBuilder(xhtml.substring(0, body));
        while (text.find()) {
            var words = WORD.matcher(text.group(1))
                    .replaceAll(m ->
                            java.util.regex.Matcher.quoteReplacement(address(m.group()) ? kept(m.group()) : m.group()));
            text.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(">" + words + "<"));
        }
        return text.appendTail(out).toString();
    }

    /**
     * An address kept whole when it is short, else with a break opportunity ({@code <wbr/>}, which adds no character:
     * the PDF's text still copies as the address) after each {@code / ? & = -}.
     */
    private static String kept(String address) {
        return address.length() <= ADDRESS_WHOLE
                ? "<span class=\"nobreak\">" + address + "</span>"
                : ADDRESS_BREAK.matcher(address).replaceAll("<wbr/>");
    }

    /**
     * Whether a word is a web or email address: a dot, an at sign or a slash between two letters or digits ({@code
     * www.cai.gouv.qc.ca}, {@code prp@example.test}). One pass over the word: a pattern that searched for it backtracked
     * over a long word from every position (20,000 letters without a space took seconds per letter: attacker's re-check).
     */
    private static boolean address(String word) {
        if (word.length() > ADDRESS_MAX) {
            return false;
        }
        for (int i = 1; i + 1 < word.length(); i++) {
            var c = word.charAt(i);
            if ((c == '.' || c == '@' || c == '/')
                    && Character.isLetterOrDigit(word.charAt(i - 1))
                    && Character.isLetterOrDigit(word.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The PDF of {@code xhtml}; the document must be well-formed XHTML (escape every value placed in it). Its pages after
     * the first are numbered ("Page 2 de 3") in the document's language, {@code locale}, from the application's
     * {@code texts} ({@code letters.page}).
     */
    public static byte[] fromXhtml(String xhtml, MessageSource texts, Locale locale) {
        return fromXhtml(xhtml, null, texts, locale);
    }

    /**
     * A letter's PDF: its pages after the first give its reference (a complaint's, a request's) and their number, so
     * that a page that comes apart from the first is still known ({@code letters.page.referenced}, in {@code locale}).
     */
    public static byte[] fromXhtml(String xhtml, String reference, MessageSource texts, Locale locale) {
        return hook.apply(() -> render(xhtml, reference, texts, locale)).get();
    }

    private static byte[] render(String xhtml, String reference, MessageSource texts, Locale locale) {
        var pages = Pages.rule(paper.css, reference, texts, locale);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSans.ttf", 400);
            font(builder, "DejaVuSans-Bold.ttf", 700);
            builder.useUnicodeLineBreaker(new ElisionLineBreaker()); // never "l’ / appareil"
            builder.withHtmlContent(withFont(unbroken(xmlSafe(xhtml)), pages), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
