package ca.gardien.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The paper every letter and certificate is printed on, {@code gardien.letters.paper-size}: {@code LETTER} (US Letter,
 * as Canadian offices print, the default) or {@code A4}; applied in {@link PdfDocuments}, the one way Gardien renders a
 * PDF. {@code gardien.letters.pdf-renderings}: how many PDFs this node renders at once (2 by default).
 */
@Component
class LetterPaper {

    LetterPaper(
            @Value("${gardien.letters.paper-size:LETTER}") PdfDocuments.Paper size,
            @Value("${gardien.letters.pdf-renderings:2}") int renderings) {
        PdfDocuments.paper(size);
        PdfDocuments.renderings(
                renderings,
                java.time.Duration.ofSeconds(10)); // PDFs rendered at once on this node; more wait, then are refused
    }
}
