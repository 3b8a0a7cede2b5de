package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A letter renders whatever was typed: characters XML cannot hold are dropped, not a reason to fail. */
class PdfDocumentsTest {

    /** A document in French, the default language, as its caller asks for it. */
    private static byte[] pdf(String xhtml) {
        return PdfDocuments.fromXhtml(xhtml, Bundles.messages(), Language.FRENCH.locale());
    }

    @Test
    void rendersALetterHoldingControlCharactersAndALoneSurrogate() {
        var pdf = pdf("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Objet \u0001 \u0000 "
                + "\ud800 fin 😀</p></body></html>");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void keepsTabsLineEndsAndCharactersBeyondTheBasicPlane() {
        assertThat(PdfDocuments.xmlSafe("a\tb\r\nc 😀 \u0001\ud800\uFFFE")).isEqualTo("a\tb\r\nc 😀 ");
    }

    @Test
    void aWordLongerThanALineWrapsInsteadOfRunningOffThePageAndAnAddressStaysWhole() throws Exception {
        var word = "a".repeat(20_000); // the most an answer's message holds, typed without a space
        var pdf = pdf("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>" + "<body><p>" + word
                + "</p><p>Voir www.cai.gouv.qc.ca</p></body></html>");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // the pages after the first are numbered in their top margin
            assertThat(text.replaceAll("\\s", "").replaceAll("Page\\d+de\\d+", ""))
                    .as("every letter printed")
                    .contains(word);
            assertThat(text).contains("www.cai.gouv.qc.ca");
        }
        assertThat(PdfDocuments.unbroken("<html><body><p>" + word + " prp@example.test</p></body></html>"))
                .contains("<span class=\"nobreak\">prp@example.test</span>")
                .doesNotContain("<span class=\"nobreak\">a");
    }

    @Test
    void printsTheNamesPeopleGiveAsTheyWroteThem() throws Exception {
        var names = "Łukasz Wałęsa-Nguyễn · Ольга Żółkiewska · Éloïse Côté";
        var pdf = pdf("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>" + "<body><p>" + names
                + "</p><p><b>Objet : réponse</b></p></body></html>");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .as("every letter printed, none replaced by '#'")
                    .contains(names)
                    .contains("Objet : réponse");
        }
    }

    @Test
    void anElidedArticleStaysOnTheLineOfItsWordInANarrowColumn() throws Exception {
        var html =
                new StringBuilder("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>");
        for (int i = 1; i <= 40; i++) { // one of these widths ends a line right after the article
            html.append("<p style=\"width:45mm\">")
                    .append("m".repeat(i % 12 + 1))
                    .append(" éteignez ".repeat(i / 12 + 1))
                    .append("l’appareil d'abord qu’aujourd’hui</p>");
        }
        var pdf = pdf(html.append("</body></html>").toString());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var lines = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .lines()
                    .toList();
            assertThat(lines)
                    .as("no line ends on an elided article")
                    .noneMatch(
                            line -> line.strip().endsWith("’") || line.strip().endsWith("'"));
            assertThat(lines)
                    .as("the words in the order they were written")
                    .anyMatch(line -> line.contains("l’appareil d'abord"));
        }
    }

    /**
     * Officer's walk: a system's heading and a table's header row were left alone at the foot of a page, and the rows
     * on the next pages had no header. Whatever text comes before the table, neither happens.
     */
    @Test
    void aHeadingAndATablesHeaderRowAreNeverLeftAtTheFootOfAPageAndTheHeaderRowRepeats() throws Exception {
        for (int before = 20; before < 60; before++) {
            var html = new StringBuilder(
                    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>");
            for (int i = 0; i < before; i++) {
                html.append("<p>Ligne ").append(i).append("</p>");
            }
            html.append(
                            "<h2>Renseignements trouvés</h2><h3>SYSTEME</h3><table><thead><tr><th>ENTETE</th><th>Champ</th>")
                    .append("</tr></thead><tbody>");
            for (int row = 0; row < 40; row++) {
                html.append("<tr><td>RANG").append(row).append("</td><td>valeur</td></tr>");
            }
            var pdf = pdf(html.append("</tbody></table></body></html>").toString());
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                for (int page = 1; page <= document.getNumberOfPages(); page++) {
                    var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    var text = stripper.getText(document).strip();
                    var last = text.substring(text.lastIndexOf('\n') + 1);
                    assertThat(last)
                            .as("the foot of page %d with %d lines before", page, before)
                            .doesNotContain("SYSTEME")
                            .doesNotContain("ENTETE")
                            .doesNotContain("Renseignements trouvés");
                    if (text.contains("RANG")) {
                        assertThat(text)
                                .as("page %d's rows have their header", page)
                                .contains("ENTETE");
                    }
                }
            }
        }
    }
}
