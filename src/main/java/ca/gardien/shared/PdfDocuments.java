package ca.gardien.shared;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a well-formed XHTML letter into a PDF: the one way Gardien renders a written answer (access packages, complaint
 * answers, incident notices) so that every letter shares the same renderer and fonts.
 */
public final class PdfDocuments {

    private PdfDocuments() {}

    /** The PDF of {@code xhtml}; the document must be well-formed XHTML (escape every value placed in it). */
    public static byte[] fromXhtml(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
