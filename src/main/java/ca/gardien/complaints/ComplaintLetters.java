package ca.gardien.complaints;

import ca.gardien.organization.Letterhead;
import ca.gardien.shared.LetterParagraphs;
import ca.gardien.shared.PdfDocuments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The written answer and the delay notice, in the complainant's language, from the bundle
 * {@code i18n/complaints*.properties}: plain text for the email and the same paragraphs as a PDF. Each letter is dated
 * with the organization's day under the organization's name and address, gives the complaint's reference, is addressed
 * to the complainant by name, the PDF with the postal address under it when one was entered (both left out when the
 * file's key is gone and they with it) and is signed by the person in charge of the protection of personal
 * information as the organization profile names them.
 */
@Component
class ComplaintLetters {

    /**
     * A letter: its title, sender (the organization's name and address, atop the PDF), heading (date, reference),
     * addressee (the name, then the postal address's lines), paragraphs and signature, in one language. The text
     * emailed names the addressee without the postal address; the PDF, which is printed and posted, gives the whole
     * address block. The reference heads the PDF's pages after the first.
     */
    record Letter(
            String reference,
            String title,
            List<String> sender,
            List<String> heading,
            List<String> addressee,
            List<String> paragraphs,
            List<String> signature) {
        String text() {
            var all = new ArrayList<>(heading);
            if (!addressee.isEmpty()) {
                all.add(addressee.getFirst());
            }
            all.addAll(paragraphs);
            all.add(String.join("\n", signature));
            return String.join("\n\n", all);
        }
    }

    private final MessageSource texts;
    private final Letterhead letterhead;

    /** With the organization's letterhead: a letter's date and signatory, shared with the rights requests' letters. */
    ComplaintLetters(MessageSource texts, Letterhead letterhead) {
        this.texts = texts;
        this.letterhead = letterhead;
    }

    Letter answer(Complaint c, String reasons, Locale locale) {
        var opening = LetterParagraphs.opening(reasons);
        var paragraphs = greeting(opening, locale);
        paragraphs.add(t("complaints.letter.answer.opening", locale, subject(c), day(c.receivedOn(), locale)));
        paragraphs.add(t("complaints.letter.answer.reasons", locale));
        addTyped(paragraphs, opening.rest());
        if (c.concernsRefusal()) {
            paragraphs.add(t("complaints.letter.answer.cai-refusal", locale));
        }
        paragraphs.add(t("complaints.letter.answer.cai", locale));
        return letter(c, "complaints.letter.answer.title", paragraphs, locale);
    }

    Letter delayNotice(Complaint c, String reasons, String status, LocalDate newDueOn, Locale locale) {
        var opening = LetterParagraphs.opening(reasons);
        var paragraphs = greeting(opening, locale);
        paragraphs.add(t("complaints.letter.delay.opening", locale, subject(c), day(c.receivedOn(), locale)));
        paragraphs.add(t("complaints.letter.delay.reasons", locale));
        addTyped(paragraphs, opening.rest());
        paragraphs.add(t("complaints.letter.delay.status", locale));
        paragraphs.add(status);
        paragraphs.add(t("complaints.letter.delay.new-time", locale, day(newDueOn, locale)));
        return letter(c, "complaints.letter.delay.title", paragraphs, locale);
    }

    /** The request for additional information, for a complainant without an email address: printed and posted. */
    Letter informationRequest(Complaint c, String details, Locale locale) {
        var opening = LetterParagraphs.opening(details);
        var paragraphs = greeting(opening, locale);
        paragraphs.add(t("complaints.letter.information.opening", locale, subject(c), day(c.receivedOn(), locale)));
        addTyped(paragraphs, opening.rest());
        paragraphs.add(t("complaints.letter.information.clock", locale));
        return letter(c, "complaints.letter.information.title", paragraphs, locale);
    }

    /**
     * The letter's first paragraph: the greeting typed on the first line of the officer's text, else the bundle's
     * (officer review: the information request had none, and a typed « Bonjour Monsieur… » came after « Voici notre
     * réponse et ses motifs : »).
     */
    private ArrayList<String> greeting(LetterParagraphs.Opening opening, Locale locale) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(opening.greeting() != null ? opening.greeting() : t("complaints.letter.greeting", locale));
        return paragraphs;
    }

    private static void addTyped(List<String> paragraphs, String typed) {
        if (typed != null) {
            paragraphs.add(typed);
        }
    }

    /** The complaint as the letter names it: its subject, or its reference once the subject went with the file's key. */
    private static String subject(Complaint c) {
        return c.subject() == null ? c.reference() : c.subject();
    }

    private Letter letter(Complaint c, String title, List<String> paragraphs, Locale locale) {
        var heading = new ArrayList<String>();
        heading.add(letterhead.dated(locale));
        heading.add(t("complaints.letter.reference", locale, c.reference()));
        var addressee = new ArrayList<String>();
        if (c.name() != null && !c.name().isBlank()) { // null when the file's key is gone: no addressee, no failure
            addressee.add(c.name());
            addressee.addAll(c.addressLines()); // under the name, as on the request letters
        }
        return new Letter(
                c.reference(),
                t(title, locale),
                letterhead.sender(locale),
                heading,
                addressee,
                paragraphs,
                letterhead.signature(locale));
    }

    /**
     * A letter and its PDF, rendered before the transaction of the step that files it (a PDF takes a moment: the step
     * does not hold the file while it renders); {@code null} when the step files no letter.
     */
    record Rendered(Letter letter, Locale locale, byte[] pdf) {}

    /** A letter composed in the complainant's language, its PDF not rendered yet. */
    record Composed(Letter letter, Locale locale) {}

    /** The letter's PDF rendered now, outside any transaction ({@link LetterSteps}); null for no letter. */
    Rendered rendered(Composed composed) {
        return composed == null
                ? null
                : new Rendered(composed.letter(), composed.locale(), pdf(composed.letter(), composed.locale()));
    }

    /** The PDF of the letter {@code composed} in the step's transaction, reusing the one rendered {@code before}. */
    byte[] pdf(Composed composed, Rendered before) {
        return pdf(composed.letter(), composed.locale(), before);
    }

    /**
     * The PDF of the letter the step files: the one rendered {@code before} its transaction when the step, inside it,
     * composed the same letter (the usual case); else, the file having changed meanwhile, rendered again from what the
     * transaction reads, so that the PDF filed is always the letter recorded.
     */
    byte[] pdf(Letter letter, Locale locale, Rendered before) {
        return before != null
                        && before.letter().equals(letter)
                        && before.locale().equals(locale)
                ? before.pdf()
                : pdf(letter, locale);
    }

    /** The letter's PDF, its pages after the first giving the complaint's reference and their number. */
    byte[] pdf(Letter letter, Locale locale) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\" /><title>")
                .append(e(letter.title()))
                .append("</title></head><body>");
        if (!letter.sender().isEmpty()) { // the letterhead: who writes, above the title (officer review)
            html.append("<p>").append(lines(letter.sender())).append("</p>");
        }
        html.append("<h1>").append(e(letter.title())).append("</h1>");
        letter.heading().forEach(p -> html.append("<p>").append(e(p)).append("</p>"));
        if (!letter.addressee().isEmpty()) { // one block, a line each, for the envelope's window
            html.append("<p class=\"addressee\">")
                    .append(String.join(
                            "<br />",
                            letter.addressee().stream().map(ComplaintLetters::e).toList()))
                    .append("</p>");
        }
        // what was typed keeps its paragraphs and line breaks, as in the email (the PDF ran them into one line)
        letter.paragraphs().forEach(p -> html.append(LetterParagraphs.of(p)));
        // the closing and the signature on one page with the last paragraph, never alone on a last page
        LetterParagraphs.signed(html, letter.signature());
        return PdfDocuments.fromXhtml(html.append("</body></html>").toString(), letter.reference(), texts, locale);
    }

    private static String lines(List<String> lines) {
        return String.join("<br />", lines.stream().map(ComplaintLetters::e).toList());
    }

    /** A day written out as a letter dates it ({@link Letterhead#day}). */
    String day(LocalDate day, Locale locale) {
        return letterhead.day(day, locale);
    }

    private String t(String key, Locale locale, Object... args) {
        // formatted only with arguments, as the bundle is written (MessageBundlesTest)
        return texts.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
