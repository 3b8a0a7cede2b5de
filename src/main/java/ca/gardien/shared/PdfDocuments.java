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

    /** The PDF of {@code xhtml}; the document must be well-formed XHTML (escape every value placed in it). */
    public static byte[] fromXhtml(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xmlSafe(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
