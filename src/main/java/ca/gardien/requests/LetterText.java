package ca.gardien.requests;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Letterhead;
import ca.gardien.shared.LetterParagraphs;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The written answer as XHTML (so that it also renders to PDF), from the texts in the application's bundle {@code
 * i18n/requests}. Like every letter of the organization ({@link Letterhead}) it is headed by the organization's name
 * and address, dated with the organization's day in words, addressed to the requester and signed by the person in
 * charge; a greeting on the first line of staff's message opens it ({@link LetterParagraphs#opening}). The address block is the name staff entered
 * for the person then the postal address's lines when they entered one (a paper request), else the address the request
 * reaches the person at (its email, else its phone); all are sealed under the request's key, and once the key is gone
 * the letter goes out without an address block.
 */
@Component
class LetterText {

    private final MessageSource texts;
    private final java.util.function.Function<String, java.time.ZoneId> zones;
    private final Letterhead letterhead;
    /**
     * The data map, for the names of the systems and categories of the information found: read once per letter, and
     * only for a letter that lists them.
     */
    private final Supplier<DataMap> map;

    @org.springframework.beans.factory.annotation.Autowired
    LetterText(MessageSource texts, Deadlines deadlines, Letterhead letterhead, Inventory inventory) {
        this(texts, deadlines::zone, letterhead, inventory::current);
    }

    /**
     * With the zone of each jurisdiction given (the day a request was received is a day of its jurisdiction) and the
     * data map.
     */
    LetterText(
            MessageSource texts,
            java.util.function.Function<String, java.time.ZoneId> zones,
            Letterhead letterhead,
            Supplier<DataMap> map) {
        this.zones = zones;
        this.texts = texts;
        this.letterhead = letterhead;
        this.map = map;
    }

    String html(RightsRequest request, ResponseDraft response, Map<String, List<TaskResult.FoundRecord>> found) {
        return html(request, response, found, List.of());
    }

    /** The letter, listing by name the request's files the answer joins ({@code documents}: their ZIP names). */
    String html(
            RightsRequest request,
            ResponseDraft response,
            Map<String, List<TaskResult.FoundRecord>> found,
            List<String> documents) {
        var locale = Locale.forLanguageTag(request.language());
        var html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(t("letter.title", locale))
                .append("</title></head><body>");
        lines(html, letterhead.sender(locale)); // the organization's name and address, as the sender (officer review)
        html.append("<h1>").append(t("letter.title", locale)).append("</h1>");
        html.append("<p>").append(e(letterhead.dated(locale))).append("</p>");
        lines(html, LetterBlocks.addressee(request));
        html.append("<p>")
                .append(t(
                        "letter.request",
                        locale,
                        // the reference the person was given (officer review: the letter named the internal id)
                        request.reference() == null ? request.id() : request.reference(),
                        text("type." + request.type(), locale), // escaped once, with the sentence
                        // the day in the request's jurisdiction, in words (was UTC's, then ISO)
                        letterhead.day(
                                request.receivedAt()
                                        .atZone(zones.apply(request.jurisdiction()))
                                        .toLocalDate(),
                                locale)))
                .append("</p>");
        // the greeting typed on the message's first line opens the letter, before the outcome (officer review)
        var opening = LetterParagraphs.opening(response.message());
        paragraph(html, opening.greeting());
        html.append("<p>")
                .append(t("letter.outcome." + response.outcome(), locale))
                .append("</p>");
        paragraph(html, opening.rest());
        if (response.refusal()) {
            html.append("<h2>").append(t("letter.reasons", locale)).append("</h2>");
            paragraph(html, response.reasons());
            html.append("<h2>").append(t("letter.provisions", locale)).append("</h2><ul>");
            response.legalProvisions()
                    .forEach(p -> html.append("<li>").append(e(p)).append("</li>"));
            html.append("</ul><h2>").append(t("letter.remedy", locale)).append("</h2>");
            // the remedy in the profile's words, then what staff added to it (officer review: the letter said the
            // remedy twice, staff's words then the same in Gardien's sentence)
            html.append("<p>")
                    .append(timeLimit(request.jurisdiction(), locale, response.remedyTimeLimitDays()))
                    .append("</p>");
            paragraph(html, response.remedy());
            html.append("<p>").append(t("letter.assistance", locale)).append("</p>");
        }
        if (!found.isEmpty() && request.type().releasesData()) {
            html.append("<h2>").append(t("letter.found", locale)).append("</h2>");
            // each system and category by its name in the data map, in the letter's language, as data.json names them
            // (officer review: the letter headed them with their ids); the id only when the map no longer has it
            var current = map.get();
            var names = current.systemNames();
            var categories = current.categoryNames(locale);
            var head = List.of(
                    t("letter.col.category", locale), t("letter.col.field", locale), t("letter.col.value", locale));
            long lines = LetterFindings.tables(html, found, names, categories, head, t("letter.value-cut", locale));
            if (lines > LetterFindings.LINES_SHOWN) {
                html.append("<p><em>")
                        .append(t("letter.lines-cut", locale, LetterFindings.LINES_SHOWN, lines))
                        .append("</em></p>");
            }
        }
        if (!documents.isEmpty()) {
            html.append("<h2>").append(t("letter.documents", locale)).append("</h2><ul>");
            documents.forEach(
                    d -> html.append("<li>").append(e(AnswerDocuments.shown(d))).append("</li>"));
            html.append("</ul>");
        }
        // the closing and the signature on one page with the last paragraph, never alone (officer review)
        LetterParagraphs.signed(html, letterhead.signature(locale));
        return html.append("</body></html>").toString();
    }

    /** The letter's PDF, its pages after the first headed by the request's reference in the letter's language. */
    byte[] pdf(RightsRequest request, String html) {
        return ca.gardien.shared.PdfDocuments.fromXhtml(
                html, request.reference(), texts, Locale.forLanguageTag(request.language()));
    }

    /** The answer's ZIP as the person or the officer saves it, in the answer's language: {@code reponse-R-….zip}. */
    String fileName(RightsRequest request) {
        var locale = Locale.forLanguageTag(request.language());
        return text("letter.file", locale, request.reference() == null ? request.id() : request.reference());
    }

    /** Lines as one paragraph, each escaped; nothing when there are none. */
    private static void lines(StringBuilder html, List<String> lines) {
        if (!lines.isEmpty()) {
            html.append("<p>")
                    .append(String.join(
                            "<br/>", lines.stream().map(LetterText::e).toList()))
                    .append("</p>");
        }
    }

    /** What staff typed, as they laid it out: a blank line a new paragraph, a line end a line break. */
    private static void paragraph(StringBuilder html, String text) {
        html.append(LetterParagraphs.of(text));
    }

    /**
     * The remedy's time limit in the words of the request's jurisdiction ({@code letter.time-limit.QC} names the
     * Commission d'accès à l'information), or in general words for a profile without its own sentence.
     */
    private String timeLimit(String jurisdiction, Locale locale, Integer days) {
        var own = texts.getMessage("letter.time-limit." + jurisdiction, new Object[] {days}, null, locale);
        return own != null ? e(own) : t("letter.time-limit", locale, days);
    }

    private String t(String key, Locale locale, Object... args) {
        return e(text(key, locale, args));
    }

    /**
     * Formatted here even without arguments: the letters' texts are {@link MessageFormat} patterns (doubled
     * apostrophes), which the message source hands back raw when there is nothing to format.
     */
    private String text(String key, Locale locale, Object... args) {
        return new MessageFormat(texts.getMessage(key, null, locale), locale).format(args);
    }

    static String e(Object text) {
        // what no XML document may hold (a NUL in a found value) is left out: the package's letter.html is XHTML
        return text == null
                ? ""
                : HtmlUtils.htmlEscape(ca.gardien.shared.PdfDocuments.xmlSafe(String.valueOf(text)), "UTF-8");
    }
}
