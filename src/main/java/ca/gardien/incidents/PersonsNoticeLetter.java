package ca.gardien.incidents;

import ca.gardien.organization.Letterhead;
import ca.gardien.shared.LetterParagraphs;
import ca.gardien.shared.PdfDocuments;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notice to the persons concerned as a letter the organization sends (officer review: the PDF had no letterhead,
 * no date, no greeting and no signature): like the rights-request and complaint letters it is headed by the
 * organization's name and address and dated with the organization's day in words ({@link Letterhead}), opens with a
 * greeting, gives the notice's sections (s. 5 of the Regulation) and is signed by the person in charge, the last
 * section and the signature kept on one page ({@link PdfDocuments#KEEP_TOGETHER}).
 */
@Component
class PersonsNoticeLetter {

    private final MessageSource messages;
    private final Letterhead letterhead;

    PersonsNoticeLetter(MessageSource messages, Letterhead letterhead) {
        this.messages = messages;
        this.letterhead = letterhead;
    }

    /**
     * The letter's XHTML: {@code styles} in its head, then the sender, the title, the date, the reference, the greeting,
     * each section (its name, then its value a line each) and the signature.
     */
    String xhtml(String title, String reference, List<String[]> sections, Locale locale, String styles) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(lines(title))
                .append("</title>")
                .append(styles)
                .append("</head><body>");
        var sender = letterhead.sender(locale);
        if (!sender.isEmpty()) { // the organization writes: its name and address above the title
            out.append("<p class=\"sender\">").append(lines(sender)).append("</p>");
        }
        out.append("<h1>").append(lines(title)).append("</h1>");
        out.append("<p class=\"dated\">")
                .append(lines(letterhead.dated(locale)))
                .append("</p>");
        out.append("<p>").append(lines(reference)).append("</p>");
        out.append("<p class=\"greeting\">")
                .append(lines(messages.getMessage("incidents.notice.persons.greeting", null, locale)))
                .append("</p>");
        if (sections.size() > 1) {
            out.append("<dl>");
            sections.subList(0, sections.size() - 1).forEach(s -> section(out, s));
            out.append("</dl>");
        }
        // the last section, the closing and the signature on one page, never split by the page's end
        out.append("<div ").append(PdfDocuments.KEEP_TOGETHER).append(">");
        if (!sections.isEmpty()) {
            out.append("<dl>");
            section(out, sections.getLast());
            out.append("</dl>");
        }
        out.append("<p class=\"signature\">")
                .append(lines(letterhead.signature(locale)))
                .append("</p></div>");
        return out.append("</body></html>").toString();
    }

    /** A section as the notice's other documents give it: its name, then its value with its line breaks. */
    static void section(StringBuilder out, String[] section) {
        out.append("<dt>").append(lines(section[0])).append("</dt><dd>");
        if (section.length > 2) { // a list (the measures): each item its own paragraph
            out.append("<ul>");
            for (int item = 2; item < section.length; item++) {
                out.append("<li>").append(lines(section[item])).append("</li>");
            }
            out.append("</ul>");
        } else {
            out.append(lines(section[1]));
        }
        out.append("</dd>");
    }

    private static String lines(List<String> lines) {
        return lines(String.join("\n", lines));
    }

    private static String lines(String text) {
        return text == null ? "" : LetterParagraphs.lines(text);
    }
}
