package ca.gardien.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The paper every letter and certificate is printed on, {@code gardien.letters.paper-size}: {@code LETTER} (US Letter,
 * as Canadian offices print, the default) or {@code A4}; applied in {@link PdfDocuments}, the one way Gardien renders a
 * PDF.
 */
@Component
class LetterPaper {

    LetterPaper(@Value("${gardien.letters.paper-size:LETTER}") PdfDocuments.Paper size) {
        PdfDocuments.paper(size);
    }
}
