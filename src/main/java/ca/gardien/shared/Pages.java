package ca.gardien.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The page rule of every PDF: its paper, its margins, and on each page after the first the reference of the letter and
 * the page's number in the letter's language ({@code letters.page.referenced}: "P-2026-0042 · Page 2 de 3", "Page 2 of
 * 3"), in the top margin (officer review: a letter's second page, once apart from the first, named neither its letter
 * nor its place).
 */
final class Pages {

    /** Where the page's number and the count of pages go in the bundle's sentence. */
    private static final String PAGE = "\u0000";

    private static final String PAGES = "\u0001";

    private Pages() {}

    /**
     * The {@code @page} rules for paper {@code size}, numbering the pages after the first in the document's language
     * ({@code locale}, which its caller wrote the document in), from the application's {@code texts}.
     */
    static String rule(String size, String reference, MessageSource texts, Locale locale) {
        var referenced = reference != null && !reference.isBlank();
        var sentence = texts.getMessage(
                referenced ? "letters.page.referenced" : "letters.page",
                new Object[] {PAGE, PAGES, referenced ? reference.strip() : ""},
                locale);
        return "@page{size:" + size + ";margin:20mm;@top-right{content:" + content(sentence)
                + ";font-family:DejaVuSans,sans-serif;font-size:8pt;vertical-align:bottom}}"
                + "@page:first{@top-right{content:none}}";
    }

    /** The sentence as a CSS {@code content}: its text quoted, its places the page counters. */
    private static String content(String sentence) {
        var out = new StringBuilder();
        var text = new StringBuilder();
        sentence.codePoints().forEach(c -> {
            if (c == PAGE.charAt(0) || c == PAGES.charAt(0)) {
                out.append(quoted(text)).append(c == PAGE.charAt(0) ? " counter(page) " : " counter(pages) ");
                text.setLength(0);
            } else {
                text.appendCodePoint(c);
            }
        });
        return out.append(quoted(text)).toString();
    }

    /** A CSS string of the text (letters, digits and a few signs as they are; anything else escaped), safe in XHTML. */
    private static String quoted(CharSequence text) {
        var out = new StringBuilder("'");
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == '_' || c == '·') {
                out.appendCodePoint(c);
            } else {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            }
        });
        return out.append('\'').toString();
    }
}
