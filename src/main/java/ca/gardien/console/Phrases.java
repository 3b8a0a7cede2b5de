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
}
