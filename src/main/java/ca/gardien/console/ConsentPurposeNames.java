package ca.gardien.console;

import ca.gardien.consent.CookiePurposes;
import ca.gardien.inventory.PurposeNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The name of every purpose consent is recorded under, in the reader's language: the data map's purposes and the cookie
 * banner's (officer's walk: the rates read {@code cookie-statistics}).
 */
@Component
class ConsentPurposeNames {

    private final PurposeNames purposes;
    private final MessageSource messages;

    ConsentPurposeNames(PurposeNames purposes, MessageSource messages) {
        this.purposes = purposes;
        this.messages = messages;
    }

    Map<String, String> in(Locale locale) {
        var names = new HashMap<>(CookiePurposes.names(messages, locale));
        names.putAll(purposes.in(locale)); // a data map's purpose of the same id keeps its own name
        return names;
    }
}
