package ca.gardien.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The page rule of every PDF: its paper, its margins, and on each page after the first the reference of the letter and
 * the page's number in the letter's language ({@code letters.page.referenced}: "P-2026-0042 · Page 2 de 3", "Page 2 of
 * 3"), in the top margin (officer review: a letter's second page, once apart from the first, named neither its letter
 * nor its place).
 */
final class Pages {

    /** The document's language: its root's {@code lang}; French, the default bundle's, when it has none. */
    private static final Pattern LANG = Pattern.compile("<html[^>]*\\slang=\"([A-Za-z]{2,3})");

    /** Where the page's number and the count of pages go in the bundle's sentence. */
    private static final String PAGE = "\u0000";

    private static final String PAGES = "\u0001";

    private Pages() {}

    /** The {@code @page} rules for paper {@code size}, numbering the pages after the first. */
    static String rule(String size, String reference, String xhtml) {
        var lang = LANG.matcher(xhtml);
        var locale = lang.find() ? Locale.forLanguageTag(lang.group(1)) : Locale.ROOT;
        var texts = ResourceBundle.getBundle(
                "i18n/messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        var referenced = reference != null && !reference.isBlank();
        var sentence = new MessageFormat(
                        texts.getString(referenced ? "letters.page.referenced" : "letters.page"), locale)
                .format(new Object[] {PAGE, PAGES, referenced ? reference.strip() : ""});
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
