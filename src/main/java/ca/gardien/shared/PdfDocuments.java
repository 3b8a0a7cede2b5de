package ca.gardien.shared;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Turns a well-formed XHTML letter into a PDF: the one way Gardien renders a written answer (access packages, complaint
 * answers, incident notices) so that every letter shares the same renderer and fonts.
 */
public final class PdfDocuments {

    /** What XML 1.0 cannot hold: control characters but tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

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

    private static final String FONT = "<style>body{font-family:" + FAMILY + ",sans-serif}</style></head>";

    private static void font(PdfRendererBuilder builder, String file, int weight) {
        builder.useFont(
                () -> PdfDocuments.class.getResourceAsStream("/fonts/" + file),
                FAMILY,
                weight,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                true);
    }

    private static String withFont(String xhtml) {
        int head = xhtml.indexOf("</head>");
        return head < 0 ? xhtml : xhtml.substring(0, head) + FONT + xhtml.substring(head + "</head>".length());
    }

    /** The PDF of {@code xhtml}; the document must be well-formed XHTML (escape every value placed in it). */
    public static byte[] fromXhtml(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSans.ttf", 400);
            font(builder, "DejaVuSans-Bold.ttf", 700);
            builder.withHtmlContent(withFont(xmlSafe(xhtml)), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
