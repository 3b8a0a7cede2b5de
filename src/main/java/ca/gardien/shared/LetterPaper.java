package ca.gardien.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The paper every letter and certificate is printed on, {@code gardien.letters.paper-size}: {@code LETTER} (US Letter,
 * as Canadian offices print, the default) or {@code A4}; applied in {@link PdfDocuments}, the one way Gardien renders a
 * PDF. The PDFs readers download on demand, rendered at once ({@link PdfDownloads}): {@code
 * gardien.letters.pdf-downloads-per-caller} per caller (2 by default), {@code gardien.letters.pdf-downloads} on the
 * node (3 by default; its former name {@code gardien.letters.pdf-renderings} is still read).
 */
@Component
class LetterPaper {

    LetterPaper(
            @Value("${gardien.letters.paper-size:LETTER}") PdfDocuments.Paper size,
            @Value("${gardien.letters.pdf-downloads:${gardien.letters.pdf-renderings:3}}") int downloads,
            @Value("${gardien.letters.pdf-downloads-per-caller:2}") int perCaller) {
        PdfDocuments.paper(size);
        PdfDownloads.limits(perCaller, downloads);
    }
}
