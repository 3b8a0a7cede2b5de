package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Letterhead;
import ca.gardien.organization.SyntheticLetterhead;
import ca.gardien.shared.Bundles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The answer's recourse to the Commission d'accès à l'information, against law25-requirements.md: any complainant may
 * complain to the Commission; the 30-day "examination of a disagreement" belongs to a refused access or rectification
 * request and runs from that refusal (or the expired time limit), not from the answer to the complaint.
 */
class ComplaintLettersTest {

    private final ComplaintLetters letters =
            new ComplaintLetters(Bundles.messages(), SyntheticLetterhead.on("2027-04-01"));

    private static Complaint complaint(boolean concernsRefusal) {
        return complaint(concernsRefusal, "Synthetic Person");
    }

    private static Complaint complaint(boolean concernsRefusal, String name) {
        return complaint(concernsRefusal, name, "Synthetic subject");
    }

    private static Complaint complaint(boolean concernsRefusal, String name, String subject) {
        return complaint(concernsRefusal, name, subject, null);
    }

    private static Complaint complaint(boolean concernsRefusal, String name, String subject, String postalAddress) {
        return new Complaint(
                UUID.randomUUID(),
                "C-2027-00001",
                ComplaintStatus.OPEN,
                Complaint.Channel.PORTAL,
                "fr",
                name,
                "person@example.test",
                "+1 555 010 0100",
                postalAddress,
                subject,
                "Synthetic reasons",
                LocalDate.parse("2027-03-01"),
                Instant.parse("2027-03-01T14:00:00Z"),
                LocalDate.parse("2027-03-31"),
                null,
                null,
                null,
                null,
                concernsRefusal,
                null,
                0);
    }

    @Test
    void anyAnswerNamesTheComplaintToTheCommissionWithoutTheRefusalsThirtyDays() {
        var fr = letters.answer(complaint(false), "Nos motifs.", Locale.CANADA_FRENCH)
                .text();
        assertThat(fr)
                .contains("Si cette réponse ne vous satisfait pas, vous pouvez porter plainte auprès de la Commission"
                        + " d’accès à l’information du Québec")
                .doesNotContain("30 jours", "mésentente");
        var en =
                letters.answer(complaint(false), "Our reasons.", Locale.ENGLISH).text();
        assertThat(en)
                .contains("If this answer does not satisfy you, you may file a complaint with the Commission d'accès à"
                        + " l'information du Québec")
                .doesNotContain("30 days", "disagreement");
    }

    @Test
    void anAnswerAboutARefusedRequestGivesTheThirtyDaysFromTheRefusalNotFromTheAnswer() {
        var fr = letters.answer(complaint(true), "Nos motifs.", Locale.CANADA_FRENCH)
                .text();
        assertThat(fr)
                .contains("Vous pouvez demander à la Commission d’accès à l’information d’examiner ce désaccord"
                        + " (demande d’examen de mésentente) dans les 30 jours qui suivent le refus de votre demande")
                .contains("Ces 30 jours courent à partir du refus de la demande, et non de la présente réponse.")
                .contains("vous pouvez porter plainte auprès de la Commission");
        var en = letters.answer(complaint(true), "Our reasons.", Locale.ENGLISH).text();
        assertThat(en)
                .contains("within 30 days of the refusal of your request or, if it was not answered in time, of the"
                        + " expiry of the time limit for answering it")
                .contains("These 30 days run from the refusal of the request, not from this answer.");
    }

    @Test
    void theAnswerPdfIsDatedReferencedAddressedAndSignedInTheLettersLanguage() throws Exception {
        var fr = pdfText(letters.answer(complaint(false), "Nos motifs.", Locale.CANADA_FRENCH), Locale.CANADA_FRENCH);
        assertThat(fr)
                .contains("Le 1er avril 2027")
                .contains("Référence de la plainte : C-2027-00001")
                .contains("Synthetic Person")
                .contains("Veuillez agréer nos salutations distinguées.")
                .contains(
                        "Officer Synthetic", "Privacy officer", "Synthetic Organization Inc.", "privacy@example.test");
        var en = pdfText(letters.answer(complaint(false), "Our reasons.", Locale.ENGLISH), Locale.ENGLISH);
        assertThat(en)
                .contains("April 1, 2027")
                .contains("Complaint reference: C-2027-00001")
                .contains("Synthetic Person")
                .contains("Yours sincerely,")
                .contains("Officer Synthetic");
    }

    /**
     * Officer's review: a complaint received by post was answered by a letter with the name and no address. Every letter
     * to the complainant prints the postal address under the name, a line each, as the request letters do; the emailed
     * text names the person without it.
     */
    @Test
    void everyLetterPrintsThePostalAddressUnderTheNameAndTheEmailLeavesItOut() throws Exception {
        var posted = complaint(
                false, "Synthetic Person", "Synthetic subject", "12 rue Exemple, app. 3\nVille (Québec) H0H 0H0");
        var fr = Locale.CANADA_FRENCH;
        for (var letter : java.util.List.of(
                letters.answer(posted, "Nos motifs.", fr),
                letters.delayNotice(posted, "Raisons.", "En cours.", LocalDate.parse("2027-04-30"), fr),
                letters.informationRequest(posted, "Une copie de la lettre.", fr))) {
            assertThat(pdfText(letter, fr).replace("\r", ""))
                    .contains("Synthetic Person\n12 rue Exemple, app. 3\nVille (Québec) H0H 0H0");
            assertThat(letter.text()).contains("Synthetic Person").doesNotContain("12 rue Exemple", "H0H 0H0");
        }
    }

    @Test
    void aLetterWhoseNameWasShreddedWithItsKeyHasNoAddresseeButStillGoesOut() {
        // a file whose key is gone reads null for everything that was sealed: name and subject alike
        var letter = letters.answer(complaint(false, null, null), "Nos motifs.", Locale.CANADA_FRENCH);
        assertThat(letter.heading()).hasSize(2).noneMatch(line -> line.contains("null"));
        assertThat(letter.addressee()).isEmpty();
        assertThat(letters.pdf(letter, Locale.CANADA_FRENCH)).isNotEmpty();
        assertThat(letter.text())
                .contains("Référence de la plainte : C-2027-00001")
                .doesNotContain("null");
    }

    @Test
    void aLetterWithoutAnOrganizationProfileIsStillDatedAndClosed() {
        var bare = new ComplaintLetters(
                Bundles.messages(),
                Letterhead.of(Bundles.messages(), () -> LocalDate.parse("2027-04-02"), Optional::empty));
        var letter = bare.delayNotice(
                complaint(false), "Raisons.", "En cours.", LocalDate.parse("2027-04-30"), Locale.CANADA_FRENCH);
        assertThat(letter.text()).contains("Le 2 avril 2027").contains("Veuillez agréer nos salutations distinguées.");
    }

    @Test
    void theAnswerPdfNeverBreaksTheCommissionsAddressAtADot() throws Exception {
        // officer review: the PDF printed "www.cai." at the end of a line and "gouv.qc.ca" on the next
        var fr = pdfText(letters.answer(complaint(false), "Nos motifs.", Locale.CANADA_FRENCH), Locale.CANADA_FRENCH);
        var en = pdfText(letters.answer(complaint(false), "Our reasons.", Locale.ENGLISH), Locale.ENGLISH);
        assertThat(fr).contains("www.cai.gouv.qc.ca");
        assertThat(en).contains("www.cai.gouv.qc.ca");
    }

    @Test
    void theAnswerPdfIsHeadedByTheOrganizationsNameAndAddressAsItsSender() throws Exception {
        // officer review: the letters had no letterhead
        var fr = pdfText(letters.answer(complaint(false), "Nos motifs.", Locale.CANADA_FRENCH), Locale.CANADA_FRENCH);
        assertThat(fr)
                .startsWith("Synthetic Organization Inc.\n1 Synthetic Street\nMontréal (QC) H0H 0H0\nCanada\n")
                .containsSubsequence("Canada", "Le 1er avril 2027", "Synthetic Person");
        var en = pdfText(
                letters.delayNotice(
                        complaint(false), "Reasons.", "Status.", LocalDate.parse("2027-04-30"), Locale.ENGLISH),
                Locale.ENGLISH);
        assertThat(en).startsWith("Synthetic Organization Inc.\n1 Synthetic Street\nMontréal, QC H0H 0H0\n");
    }

    /**
     * Officer review: a greeting typed in the answer landed after « Voici notre réponse et ses motifs : », mid-letter,
     * and the information request had no greeting at all.
     */
    @Test
    void theGreetingTypedOnTheFirstLineOpensTheLetterAndALetterWithoutOneOpensWithTheBundles() {
        var fr = Locale.CANADA_FRENCH;
        var answer = letters.answer(complaint(false), "Bonjour Monsieur Synthétique,\n\nNos motifs.", fr);
        assertThat(answer.paragraphs().getFirst()).isEqualTo("Bonjour Monsieur Synthétique,");
        assertThat(answer.text())
                .containsSubsequence(
                        "Synthetic Person\n\nBonjour Monsieur Synthétique,\n\nNous avons examiné votre plainte",
                        "Voici notre réponse et ses motifs :\n\nNos motifs.")
                .containsOnlyOnce("Bonjour Monsieur");
        var information = letters.informationRequest(complaint(false), "Une copie de la lettre.", fr);
        assertThat(information.paragraphs()).startsWith("Madame, Monsieur,").contains("Une copie de la lettre.");
        assertThat(letters.informationRequest(complaint(false), "What is needed.", Locale.ENGLISH)
                        .paragraphs()
                        .getFirst())
                .isEqualTo("Dear Sir or Madam,");
        var delay = letters.delayNotice(
                complaint(false), "Bonjour Madame,\nRaisons.", "En cours.", LocalDate.parse("2027-04-30"), fr);
        assertThat(delay.paragraphs()).startsWith("Bonjour Madame,").contains("Raisons.");
    }

    /** Officer review: the closing and signature went alone onto a last page that named neither letter nor page. */
    @Test
    void theClosingStaysWithTheLastParagraphAndTheNextPagesGiveTheReferenceAndNumber() throws Exception {
        for (int n = 20; n < 45; n += 2) {
            var reasons = String.join("\n\n", java.util.Collections.nCopies(n, "Un motif de la réponse."));
            var letter = letters.answer(complaint(false), reasons, Locale.CANADA_FRENCH);
            try (var document = org.apache.pdfbox.Loader.loadPDF(letters.pdf(letter, Locale.CANADA_FRENCH))) {
                var pages = document.getNumberOfPages();
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(pages);
                var last = stripper.getText(document);
                assertThat(last)
                        .as("%d paragraphs", n)
                        .contains("Veuillez agréer nos salutations distinguées.")
                        .as("the last paragraph, which ends with the Commission's address")
                        .contains("www.cai.gouv.qc.ca");
                if (pages > 1) {
                    assertThat(last).contains("C-2027-00001 · Page " + pages + " de " + pages);
                }
            }
        }
    }

    private String pdfText(ComplaintLetters.Letter letter, Locale locale) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(letters.pdf(letter, locale))) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }
}
