package ca.gardien.complaints;

import ca.gardien.shared.PdfDocuments;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The written answer and the delay notice, in the complainant's language, from the bundle
 * {@code i18n/complaints*.properties}: plain text for the email and the same paragraphs as a PDF.
 */
@Component
class ComplaintLetters {

    /** A letter: its title and paragraphs, in one language. */
    record Letter(String title, List<String> paragraphs) {
        String text() {
            return String.join("\n\n", paragraphs);
        }
    }

    private final MessageSource texts;

    ComplaintLetters(MessageSource texts) {
        this.texts = texts;
    }

    Letter answer(Complaint c, String reasons, Locale locale) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(t("complaints.letter.answer.opening", locale, c.subject(), day(c.receivedOn(), locale)));
        paragraphs.add(t("complaints.letter.answer.reasons", locale));
        paragraphs.add(reasons);
        if (c.concernsRefusal()) {
            paragraphs.add(t("complaints.letter.answer.cai-refusal", locale));
        }
        paragraphs.add(t("complaints.letter.answer.cai", locale));
        return new Letter(t("complaints.letter.answer.title", locale), paragraphs);
    }

    Letter delayNotice(Complaint c, String reasons, String status, LocalDate newDueOn, Locale locale) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(t("complaints.letter.delay.opening", locale, c.subject(), day(c.receivedOn(), locale)));
        paragraphs.add(t("complaints.letter.delay.reasons", locale));
        paragraphs.add(reasons);
        paragraphs.add(t("complaints.letter.delay.status", locale));
        paragraphs.add(status);
        paragraphs.add(t("complaints.letter.delay.new-time", locale, day(newDueOn, locale)));
        return new Letter(t("complaints.letter.delay.title", locale), paragraphs);
    }

    /** The request for additional information, for a complainant without an email address: printed and posted. */
    Letter informationRequest(Complaint c, String details, Locale locale) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(t("complaints.letter.information.opening", locale, c.subject(), day(c.receivedOn(), locale)));
        paragraphs.add(details);
        paragraphs.add(t("complaints.letter.information.clock", locale));
        return new Letter(t("complaints.letter.information.title", locale), paragraphs);
    }

    byte[] pdf(Letter letter, Locale locale) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\" /><title>")
                .append(e(letter.title()))
                .append("</title></head><body><h1>")
                .append(e(letter.title()))
                .append("</h1>");
        letter.paragraphs().forEach(p -> html.append("<p>").append(e(p)).append("</p>"));
        return PdfDocuments.fromXhtml(html.append("</body></html>").toString());
    }

    /**
     * A day written out as a letter dates it, by the bundle's pattern: French writes the first of a month as an ordinal
     * ("1er décembre 2026"), so the first of a month has a pattern of its own.
     */
    String day(LocalDate day, Locale locale) {
        return day(day, locale, texts);
    }

    static String day(LocalDate day, Locale locale, org.springframework.context.MessageSource texts) {
        var key = day.getDayOfMonth() == 1 ? "complaints.letter.date.first" : "complaints.letter.date";
        return day.format(DateTimeFormatter.ofPattern(texts.getMessage(key, null, locale), locale));
    }

    private String t(String key, Locale locale, Object... args) {
        // formatted only with arguments, as the bundle is written (MessageBundlesTest)
        return texts.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
