package ca.gardien.console;

import ca.gardien.shared.Phrase;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts the words modules keep as phrases in the page's language; templates call it as {@code @phrases.text(…)}. */
@Component("phrases")
class Phrases {

    private final MessageSource messages;

    Phrases(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Phrase phrase) {
        return phrase == null ? "" : phrase.in(messages, LocaleContextHolder.getLocale());
    }
}
