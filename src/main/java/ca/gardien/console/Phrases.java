package ca.gardien.console;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.Phrase;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the words modules keep as phrases, and forms' errors, in the page's language; templates call it as
 * {@code @phrases.text(…)} and {@code @phrases.error(…)}.
 */
@Component("phrases")
class Phrases {

    private final MessageSource messages;

    Phrases(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Phrase phrase) {
        return phrase == null ? "" : phrase.in(messages, LocaleContextHolder.getLocale());
    }

    /**
     * A form's error as the page shows it ({@code @phrases.error(e)}): {@link FieldError#inForm}'s rule, so that an error
     * summary and a refused step say it alike.
     */
    public String error(FieldError error) {
        return error.inForm(messages, LocaleContextHolder.getLocale()).message();
    }

    /**
     * A file's size in words with its unit, in the page's language ({@code @phrases.size(bytes, key)}): under a
     * kilobyte by the module's {@code key} ("512 octets"), then in ko/kB or Mo/MB of 1,000 ("216,7 ko", "216.7 kB").
     */
    public String size(long bytes, String key) {
        var locale = LocaleContextHolder.getLocale();
        if (bytes < 1_000) {
            return messages.getMessage(key, new Object[] {bytes}, locale);
        }
        var kilo = bytes < 1_000_000;
        var value = kilo ? bytes / 1_000.0 : bytes / 1_000_000.0;
        return messages.getMessage(kilo ? "layout.size.kilo" : "layout.size.mega", new Object[] {value}, locale);
    }
}
