package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/**
 * A letter's pages as printed (officer review): a long address wraps instead of running off the page, a table keeps its
 * columns' widths, the pages after the first are referenced and numbered, and the paper is the configured one.
 */
class PdfPagesTest {

    /** 167 characters: an address too long for a line. */
    static final String LONG_URL = "https://portail.example.test/demandes/reponses/documents-joints/telecharger"
            + "?reference=R-2026-000123&langue=fr-CA&jeton=abcdefghijklmnopqrstuvwxyz0123456789&section=don";

    private static final float POINTS_PER_MM = 72 / 25.4f;

    @AfterEach
    void letterPaperAgain() {
        PdfDocuments.paper(PdfDocuments.Paper.LETTER);
    }

    private static final MessageSource TEXTS = Bundles.messages();
    private static final Locale FRENCH = Language.FRENCH.locale();

    /** A French document's PDF, as its caller, which wrote it in French, asks for it. */
    private static byte[] pdf(String xhtml) {
        return PdfDocuments.fromXhtml(xhtml, TEXTS, FRENCH);
    }

    private static String letter(String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head><title>t</title></head><body>" + body
                + "</body></html>";
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;");
    }

    @Test
    void aLongAddressWrapsAfterItsSlashesWithEveryCharacterAndNoLinePastTheMargin() throws Exception {
        assertThat(LONG_URL).hasSize(167);
        var pdf = pdf(letter("<p>Voir " + escaped(LONG_URL) + " pour la suite.</p>"
                + "<table><thead><tr><th>Catégorie</th><th>Champ</th><th>Valeur</th></tr></thead><tbody><tr>"
                + "<td>profil</td><td>site</td><td>" + escaped(LONG_URL) + "</td></tr></tbody></table>"));
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).as("the message's address, then the table's").containsSubsequence(LONG_URL, LONG_URL);
            var width = document.getPage(0).getMediaBox().getWidth();
            assertThat(rightmost(document)).isLessThanOrEqualTo(width - 20 * POINTS_PER_MM + 1);
        }
    }

    @Test
    void aShortAddressStaysWholeAndALongOneGetsBreakOpportunitiesThatAddNoCharacter() {
        var html = PdfDocuments.unbroken(letter("<p>www.cai.gouv.qc.ca " + escaped(LONG_URL) + "</p>"));
        assertThat(html)
                .contains("<span class=\"nobreak\">www.cai.gouv.qc.ca</span>")
                .contains("https:/<wbr/>/<wbr/>portail.example.test/<wbr/>demandes/<wbr/>")
                .contains("?<wbr/>reference=<wbr/>R-<wbr/>2026-<wbr/>000123&amp;<wbr/>langue=")
                .doesNotContain("<span class=\"nobreak\">https");
        assertThat(html.replace("<wbr/>", "")).contains(escaped(LONG_URL));
    }

    @Test
    void aTableKeepsItsColumnsWidthsSoItsHeaderWordsStayWhole() throws Exception {
        var pdf = pdf(letter("<table><colgroup><col style=\"width:24%\"/><col style=\"width:24%\"/>"
                + "<col style=\"width:52%\"/></colgroup><thead><tr><th>Catégorie</th><th>Champ</th><th>Valeur</th>"
                + "</tr></thead><tbody><tr><td>profil</td><td>identifiant</td><td>" + "x".repeat(400)
                + "</td></tr></tbody></table>"));
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Catégorie Champ Valeur")
                    .contains("profil identifiant");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void thePagesAfterTheFirstGiveTheReferenceAndTheirNumberInTheLettersLanguage() throws Exception {
        var body = "<p>Paragraphe.</p>".repeat(120);
        try (var document = Loader.loadPDF(PdfDocuments.fromXhtml(letter(body), "C-2027-00001", TEXTS, FRENCH))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            var pages = document.getNumberOfPages();
            assertThat(page(document, 1)).doesNotContain("Page 1").doesNotContain("C-2027-00001");
            assertThat(page(document, 2)).contains("C-2027-00001 · Page 2 de " + pages);
            assertThat(page(document, pages)).contains("Page " + pages + " de " + pages);
        }
        var english = letter(body).replace("lang=\"fr\"", "lang=\"en\"");
        try (var document = Loader.loadPDF(PdfDocuments.fromXhtml(english, TEXTS, Language.ENGLISH.locale()))) {
            assertThat(page(document, 2)).contains("Page 2 of " + document.getNumberOfPages());
        }
    }

    /**
     * Code review: the page numbers were a bundle read straight from the classpath in the language a pattern found in
     * the markup. They are the application's messages in the language the caller wrote the letter in.
     */
    @Test
    void thePageNumbersAreTheApplicationsMessageInTheLanguageTheCallerGives() throws Exception {
        var texts = new org.springframework.context.support.StaticMessageSource();
        texts.addMessage("letters.page", Locale.CANADA, "Sheet {0} out of {1}");
        texts.addMessage("letters.page.referenced", Locale.CANADA, "{2}, sheet {0} out of {1}");
        var body = "<p>Paragraph.</p>".repeat(120);
        var english = letter(body).replace("lang=\"fr\"", "lang=\"en\"");
        try (var document = Loader.loadPDF(PdfDocuments.fromXhtml(english, texts, Locale.CANADA))) {
            assertThat(page(document, 2)).contains("Sheet 2 out of " + document.getNumberOfPages());
        }
        try (var document = Loader.loadPDF(PdfDocuments.fromXhtml(english, "C-2027-00001", texts, Locale.CANADA))) {
            assertThat(page(document, 2)).contains("C-2027-00001, sheet 2 out of " + document.getNumberOfPages());
        }
    }

    @Test
    void theLettersAreOnUsLetterUnlessTheConfigurationSaysA4() throws Exception {
        try (var document = Loader.loadPDF(pdf(letter("<p>Lettre.</p>")))) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, within());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(792f, within());
        }
        new LetterPaper(PdfDocuments.Paper.A4, 3, 2);
        try (var document = Loader.loadPDF(pdf(letter("<p>Lettre.</p>")))) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, within());
        }
    }

    @Test
    void theClosingAndSignatureAreNeverAloneOnTheLastPage() throws Exception {
        for (int n = 30; n < 60; n++) {
            var html = new StringBuilder("<p>Paragraphe.</p>".repeat(n)).append("<p>Dernier paragraphe.</p>");
            LetterParagraphs.signed(html, List.of("Veuillez agréer nos salutations.", "La Responsable", "Signataire"));
            try (var document = Loader.loadPDF(pdf(letter(html.toString())))) {
                var last = page(document, document.getNumberOfPages());
                assertThat(last).as("%s paragraphs", n).contains("Signataire").contains("Dernier paragraphe.");
            }
        }
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1f);
    }

    private static String page(PDDocument document, int page) throws Exception {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** The right edge of the rightmost character drawn on any page. */
    private static float rightmost(PDDocument document) throws Exception {
        var edges = new ArrayList<Float>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                positions.forEach(p -> edges.add(p.getXDirAdj() + p.getWidthDirAdj()));
            }
        };
        stripper.getText(document);
        return edges.stream().max(Float::compare).orElse(0f);
    }
}
