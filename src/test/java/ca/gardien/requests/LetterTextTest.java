package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.Text;
import ca.gardien.organization.SyntheticLetterhead;
import ca.gardien.shared.Bundles;
import ca.gardien.shared.IdentifierKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A refusal letter names the remedy of the request's own jurisdiction, never Québec's body for another profile. */
class LetterTextTest {

    private static final java.util.Locale FRENCH = ca.gardien.shared.Language.FRENCH.locale();

    private final LetterText letters = new LetterText(
            Bundles.messages(),
            j -> java.time.ZoneId.of("America/Toronto"),
            SyntheticLetterhead.on("2027-04-01"),
            () -> MAP);

    /** The data map: its CRM system, and one category of personal information named in both languages. */
    static final DataMap MAP = new DataMap(
            null,
            List.of(new PiCategory("contact-details", new Text("Coordonnées", "Contact details"), false, null, null)),
            null,
            null,
            null,
            List.of(new InformationSystem("crm", "GRC infonuagique", "sales", "Montréal", "CA-QC", true, null, null)),
            null,
            null,
            null,
            null);

    private static RightsRequest request(String jurisdiction, String language) {
        return request(RequestType.ACCESS, jurisdiction, language);
    }

    private static RightsRequest request(RequestType type, String jurisdiction, String language) {
        return request(type, jurisdiction, language, Instant.parse("2026-11-02T14:00:00Z"));
    }

    private static RightsRequest request(RequestType type, String jurisdiction, String language, Instant receivedAt) {
        return request(type, jurisdiction, language, receivedAt, List.of());
    }

    private static RightsRequest request(String language, String email, String phone) {
        var identifiers = List.of(
                new RightsRequest.IdentifierState(IdentifierKind.EMAIL, email, true, "CODE", false, null),
                new RightsRequest.IdentifierState(IdentifierKind.PHONE, phone, true, "CODE", false, null));
        return request(RequestType.ACCESS, "QC", language, Instant.parse("2026-11-02T14:00:00Z"), identifiers);
    }

    private static RightsRequest request(
            RequestType type,
            String jurisdiction,
            String language,
            Instant receivedAt,
            List<RightsRequest.IdentifierState> identifiers) {
        return request(type, jurisdiction, language, receivedAt, identifiers, null);
    }

    private static RightsRequest request(
            RequestType type,
            String jurisdiction,
            String language,
            Instant receivedAt,
            List<RightsRequest.IdentifierState> identifiers,
            Addressee addressee) {
        return new RightsRequest(
                UUID.randomUUID(),
                "R-2026-00001",
                type,
                RequestStatus.RESPONSE_DRAFTED,
                jurisdiction,
                RightsRequest.Channel.API,
                language,
                "customer",
                null,
                addressee,
                null,
                null,
                null,
                receivedAt,
                LocalDate.parse("2026-12-02"),
                null,
                null,
                identifiers,
                null,
                null,
                0);
    }

    private static final ResponseDraft REFUSAL =
            new ResponseDraft("REFUSAL", null, "Synthetic reasons", List.of("Art. 1"), "Synthetic remedy", 30);

    @Test
    void theLetterNamesTheRequestByItsReferenceAndItsReceiptDayInTheJurisdiction() {
        // 04:43 UTC on 5 December is 23:43 on 4 December in Québec (officer review: the letter said the 5th and the id)
        var request = request(RequestType.ACCESS, "QC", "fr", Instant.parse("2026-12-05T04:43:00Z"));
        var html = letters.html(request, REFUSAL, Map.of());

        assertThat(html)
                .contains("Demande R-2026-00001 (", "reçue le 4 décembre 2026")
                .doesNotContain(request.id().toString());
    }

    @Test
    void theLetterIsDatedAddressedAndSignedByThePersonInChargeInItsLanguage() {
        var fr = letters.html(request("fr", "person@example.test", "+15550100100"), REFUSAL, Map.of());
        assertThat(fr)
                .contains("<p>Le 1er avril 2027</p>", "<p>person@example.test</p>")
                .contains("Veuillez agréer nos salutations distinguées.<br/>Officer Synthetic<br/>Privacy officer"
                        + "<br/>Synthetic Organization Inc.<br/>privacy@example.test<br/>+1 555 010 0199");
        var en = letters.html(request("en", null, "+15550100100"), REFUSAL, Map.of());
        assertThat(en)
                .contains("<p>April 1, 2027</p>", "<p>+15550100100</p>", "Yours sincerely,<br/>Officer Synthetic")
                .contains("received on November 2, 2026");
    }

    @Test
    void aLetterWhoseKeyIsGoneHasNoAddresseeButStillRendersDatedAndSigned() {
        // a request whose subject key was destroyed opens its identifier values to null
        var html = letters.html(request("fr", null, null), REFUSAL, Map.of());
        assertThat(html)
                .contains("<p>Le 1er avril 2027</p>", "Officer Synthetic")
                .doesNotContain("null");
        assertThat(ca.gardien.shared.PdfDocuments.fromXhtml(html, Bundles.messages(), FRENCH))
                .isNotEmpty();
    }

    @Test
    void aQuebecRefusalNamesTheCommissionAndItsThirtyDays() {
        var html = letters.html(request("QC", "fr"), REFUSAL, Map.of());

        assertThat(html).contains("Commission d’accès à l’information dans les 30 jours");
    }

    @Test
    void aGdprRefusalNamesASupervisoryAuthorityAndNotTheCommission() {
        var fr = letters.html(request("GDPR", "fr"), REFUSAL, Map.of());
        var en = letters.html(request("GDPR", "en"), REFUSAL, Map.of());

        assertThat(fr).doesNotContain("Commission").contains("autorité de contrôle");
        assertThat(en)
                .doesNotContain("Commission")
                .contains("supervisory authority")
                .contains("within 30 days");
    }

    @Test
    void aProfileWithoutItsOwnSentenceGetsTheGeneralOne() {
        var html = letters.html(request("CCPA", "en"), REFUSAL, Map.of());

        assertThat(html).doesNotContain("Commission").contains("You may exercise this remedy within 30 days");
    }

    @Test
    void aFrenchLetterShowsSingleApostrophes() {
        var refusal = letters.html(request("QC", "fr"), REFUSAL, Map.of());

        assertThat(refusal)
                .contains("Dispositions de la loi sur lesquelles le refus s’appuie")
                .doesNotContain("&#39;&#39;");
    }

    @Test
    void theTypeOfRequestIsEscapedOnceInTheLetter() {
        var html = letters.html(request(RequestType.AUTOMATED_DECISION_EXPLANATION, "QC", "fr"), REFUSAL, Map.of());

        assertThat(html).contains("(explication d’une décision automatisée)");
    }

    /** Attacker's review: 16,000 lines found made a letter of 1,144 pages; it prints the first lines and says so. */
    @Test
    void aLetterPrintsTheFirstLinesOfWhatWasFoundAndSaysTheDataFileHoldsThemAll() {
        var fulfilled = new ResponseDraft("FULFILLED", null, null, List.of(), null, null);
        var records = java.util.stream.IntStream.range(0, 1_500)
                .mapToObj(
                        i -> new TaskResult.FoundRecord("contact", "organization", Map.of("a", "v" + i, "b", "w" + i)))
                .toList();
        var french = letters.html(request("QC", "fr"), fulfilled, Map.of("crm", records, "erp", records));
        assertThat(french.split("<tr><td>", -1).length - 1).isEqualTo(LetterFindings.LINES_SHOWN);
        assertThat(french) // grouped as French writes numbers (a no-break space, escaped or not)
                .containsPattern(
                        "La lettre montre les 2[^0-9]{1,8}000 premières lignes de ce qui a été trouvé, sur 6[^0-9]{1,8}000");
        var few = letters.html(request("QC", "fr"), fulfilled, Map.of("crm", records.subList(0, 10)));
        assertThat(few).doesNotContain("premières lignes");
    }

    /** Attacker's review: a megabyte cell made the PDF renderer run for minutes; the letter prints its start. */
    @Test
    void aFoundValueLongerThanALetterPrintsIsShortenedWithANoteThatTheDataFileHoldsIt() {
        var record = new TaskResult.FoundRecord("notes", "organization", Map.of("memo", "x".repeat(200_000)));
        var fulfilled = new ResponseDraft("FULFILLED", null, null, List.of(), null, null);

        var french = letters.html(request("QC", "fr"), fulfilled, Map.of("crm", List.of(record)));
        var english = letters.html(request("QC", "en"), fulfilled, Map.of("crm", List.of(record)));

        assertThat(french)
                .contains("<td>" + "x".repeat(LetterFindings.VALUE_SHOWN) + "… <em>(valeur abrégée")
                .doesNotContain("x".repeat(LetterFindings.VALUE_SHOWN + 1));
        assertThat(english).contains("… <em>(value shortened: the attached data file holds it whole)</em>");
        var whole = new TaskResult.FoundRecord("notes", "organization", Map.of("memo", "y".repeat(1_000)));
        assertThat(letters.html(request("QC", "fr"), fulfilled, Map.of("crm", List.of(whole))))
                .contains("<td>" + "y".repeat(1_000) + "</td>");
    }

    @Test
    void theInformationFoundIsHeadedByEachSystemsNameAndItsColumnsInTheLettersLanguage() {
        var record = new TaskResult.FoundRecord("contact", "person", Map.of("city", "Synthetic City"));
        var found = new java.util.LinkedHashMap<String, List<TaskResult.FoundRecord>>();
        found.put("crm", List.of(record));
        found.put("retired-system", List.of(record));
        var fulfilled = new ResponseDraft("FULFILLED", null, null, List.of(), null, null);

        var french = letters.html(request("QC", "fr"), fulfilled, found);
        var english = letters.html(request("QC", "en"), fulfilled, found);

        assertThat(french)
                .contains("<h3>GRC infonuagique</h3>")
                .as("a system the map no longer has keeps its id")
                .contains("<h3>retired-system</h3>")
                .doesNotContain("<h3>crm</h3>")
                .contains("<thead><tr><th scope=\"col\">Catégorie</th><th scope=\"col\">Champ</th>"
                        + "<th scope=\"col\">Valeur</th></tr></thead>")
                .contains("<td>contact</td><td>city</td><td>Synthetic City</td>");
        assertThat(english)
                .contains("<h3>GRC infonuagique</h3>")
                .contains("<th scope=\"col\">Category</th><th scope=\"col\">Field</th><th scope=\"col\">Value</th>");
    }

    /** Code review: the found-data table printed each category's id ({@code contact-details}), not its name. */
    @Test
    void theInformationFoundNamesEachCategoryInTheLettersLanguageAsTheDataFileDoes() {
        var found = Map.of(
                "crm",
                List.of(
                        new TaskResult.FoundRecord("contact-details", "person", Map.of("city", "Synthetic City")),
                        new TaskResult.FoundRecord("invoices", "organization", Map.of("total", "12"))));
        var fulfilled = new ResponseDraft("FULFILLED", null, null, List.of(), null, null);

        assertThat(letters.html(request("QC", "fr"), fulfilled, found))
                .contains("<td>Coordonnées</td><td>city</td><td>Synthetic City</td>")
                .as("a category the data map does not name keeps its id")
                .contains("<td>invoices</td><td>total</td><td>12</td>")
                .doesNotContain("<td>contact-details</td>");
        assertThat(letters.html(request("QC", "en"), fulfilled, found))
                .contains("<td>Contact details</td><td>city</td><td>Synthetic City</td>")
                .doesNotContain("<td>contact-details</td>", "Coordonn");
    }

    /**
     * Officer review: a 167-character address among the values squeezed « Catégorie » and « Champ » to a letter a line
     * (a letter of 4 pages) and was cut at the right margin, in the table and in the message.
     */
    @Test
    void aLongAddressFoundWrapsInItsColumnAndTheHeaderWordsStayWhole() throws Exception {
        var url = "https://portail.example.test/demandes/reponses/documents-joints/telecharger"
                + "?reference=R-2026-000123&langue=fr-CA&jeton=abcdefghijklmnopqrstuvwxyz0123456789&section=don";
        var found = Map.of("crm", List.of(new TaskResult.FoundRecord("profil", "p-1", Map.of("site_web", url))));
        var draft = new ResponseDraft("FULFILLED", "Bonjour,\n\nVoir aussi " + url, null, List.of(), null, null);
        var html = letters.html(request("QC", "fr"), draft, found);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(
                ca.gardien.shared.PdfDocuments.fromXhtml(html, Bundles.messages(), FRENCH))) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Catégorie Champ Valeur")
                    .as("each column as wide as it was given: the value starts on its row's line")
                    .contains("profil site_web https://portail.example.test/demandes/");
            assertThat(text.replaceAll("\\s", "")).containsSubsequence("Voiraussi" + url, url);
        }
        // the console previews this letter in a frame under Gardien's Content-Security-Policy, which refuses a style
        // written in the page (officer's walk: 21 errors in the console, one per column): widths are attributes
        assertThat(html).doesNotContain("style=").doesNotContain("<style").contains("<col width=\"52%\"/>");
    }

    /** Officer's review: « Bonjour,⏎⏎Vous trouverez ci-joint… » came out as one line in letter.html and its PDF. */
    @Test
    void theMessagesParagraphsAndLineBreaksStayAndItsMarkupIsText() {
        var answer = new ResponseDraft(
                "PARTIAL_REFUSAL",
                "Bonjour,\n\nVous trouverez ci-joint le relevé.\nCordialement <i>x</i>",
                "Premier motif.\n\nSecond motif.",
                List.of("Art. 1"),
                "Recours.",
                30);
        var html = letters.html(request("QC", "fr"), answer, Map.of());
        assertThat(html)
                .contains("<p>Bonjour,</p>")
                .contains("<p>Vous trouverez ci-joint le relevé.<br/>Cordialement &lt;i&gt;x&lt;/i&gt;</p>")
                .contains("<p>Premier motif.</p><p>Second motif.</p>")
                .doesNotContain("<i>");
        assertThat(ca.gardien.shared.PdfDocuments.fromXhtml(html, Bundles.messages(), FRENCH))
                .startsWith("%PDF-".getBytes());
    }

    /** Officer review: the last two lines of a signature went alone onto a second, otherwise empty page. */
    @Test
    void theClosingAndTheSignatureAreNeverSplitOverTwoPages() throws Exception {
        // a message of every length from well within one page to past its end: some put the page's end in the signature
        for (int lines = 30; lines <= 60; lines++) {
            var message = String.join("\n", java.util.Collections.nCopies(lines, "Une ligne du message."));
            var draft = new ResponseDraft("FULFILLED", message, null, List.of(), null, null);
            var html = letters.html(request("fr", "person@example.test", "+15550100100"), draft, Map.of());
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(
                    ca.gardien.shared.PdfDocuments.fromXhtml(html, Bundles.messages(), FRENCH))) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(pdf.getNumberOfPages());
                assertThat(stripper.getText(pdf))
                        .as("the last page, after %d lines", lines)
                        .contains(
                                "Veuillez agréer nos salutations distinguées.", "Officer Synthetic", "+1 555 010 0199");
            }
        }
    }

    /** Officer review: « Nous avons donné suite à votre demande. » came before « Bonjour Madame… ». */
    @Test
    void theGreetingTypedOnTheMessagesFirstLineOpensTheLetterBeforeTheOutcome() {
        var fulfilled = new ResponseDraft(
                "FULFILLED", "Bonjour Madame Synthétique,\n\nVoici le relevé demandé.", null, List.of(), null, null);
        var html = letters.html(request("QC", "fr"), fulfilled, Map.of());

        assertThat(html)
                .containsSubsequence(
                        "reçue le 2 novembre 2026.</p>",
                        "<p>Bonjour Madame Synthétique,</p>",
                        "<p>Nous avons donné suite à votre demande.</p>",
                        "<p>Voici le relevé demandé.</p>")
                .containsOnlyOnce("Bonjour Madame Synthétique,");
        // a message that does not open with a greeting follows the outcome, whole
        var plain = letters.html(
                request("QC", "en"),
                new ResponseDraft("FULFILLED", "Here is the record, as asked.", null, List.of(), null, null),
                Map.of());
        assertThat(plain).containsSubsequence("<p>We have granted your request.</p>", "<p>Here is the record");
    }

    /** Officer review: the letters had no letterhead; the organization's name and address head them as the sender. */
    @Test
    void theOrganizationsNameAndAddressHeadTheLetterAsItsSender() {
        var fr = letters.html(request("QC", "fr"), REFUSAL, Map.of());
        var en = letters.html(request("QC", "en"), REFUSAL, Map.of());

        assertThat(fr)
                .containsSubsequence(
                        "<body><p>Synthetic Organization Inc.<br/>1 Synthetic Street<br/>Montréal (QC) H0H 0H0<br/>"
                                + "Canada</p>",
                        "<h1>",
                        "<p>Le 1er avril 2027</p>");
        assertThat(en).contains("<body><p>Synthetic Organization Inc.<br/>1 Synthetic Street<br/>Montréal, QC H0H 0H0");
    }

    /** Officer review: staff copy the envelope, name first, and the letter printed the name twice. */
    @Test
    void aPostalAddressWhoseFirstLineIsTheNameDoesNotPrintTheNameTwice() {
        var copied =
                new Addressee("Jeanne Synthétique", "jeanne  synthétique\n1234, rue des Essais\nMontréal (Québec)");
        var html = letters.html(
                request(RequestType.ACCESS, "QC", "fr", Instant.parse("2026-11-02T14:00:00Z"), List.of(), copied),
                REFUSAL,
                Map.of());

        assertThat(html)
                .contains("<p>Jeanne Synthétique<br/>1234, rue des Essais<br/>Montréal (Québec)</p>")
                .doesNotContainIgnoringCase("synthétique<br/>jeanne");
    }

    /** Officer review: staff's remedy then Gardien's sentence said the remedy twice; the field now adds to it. */
    @Test
    void theRemedyIsStatedOnceInTheProfilesWordsAndWhatStaffTypedFollowsIt() {
        var refusal = new ResponseDraft(
                "REFUSAL", null, "Motifs.", List.of("Art. 1"), "Pour joindre la Commission : www.cai.gouv.qc.ca", 30);
        var html = letters.html(request("QC", "fr"), refusal, Map.of());

        assertThat(html)
                .containsSubsequence(
                        "<h2>Recours</h2><p>Vous pouvez soumettre une demande d’examen de mésentente à la Commission"
                                + " d’accès à l’information dans les 30 jours qui suivent ce refus.</p>",
                        "<p>Pour joindre la Commission : www.cai.gouv.qc.ca</p>")
                .containsOnlyOnce("demande d’examen de mésentente");
    }
}
