package ca.gardien.connectors;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.Phrase;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The connectors' refusals in French or English: in the console, the page's language; in the API, the
 * language {@link ApiLanguage} names (French by default, like the API's other messages); outside a request (a run's
 * failure, kept and shown later), English. Field errors carry the key and are put in a language where they are shown.
 */
@Component
public class ConnectorMessages {

    private final MessageSource messages;

    ConnectorMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal as a field error, put in the reader's language where it is shown. */
    public FieldError field(String field, Refusal refusal) {
        return FieldError.of(field, key(refusal), (Object[]) refusal.args());
    }

    /** Words kept with a run or a task, in the reader's language; null stays null. */
    public String text(Phrase phrase) {
        return phrase == null ? null : phrase.in(messages, locale());
    }

    public String text(Refusal refusal) {
        var args = refusal.args().length == 0 ? null : refusal.args();
        return messages.getMessage(key(refusal), args, key(refusal), locale());
    }

    /** A full key (connectors.id.invalid, outbound.not-public), or a JDBC URL refusal's short code. */
    private static String key(Refusal refusal) {
        return refusal.code().contains(".") ? refusal.code() : "connectors.url." + refusal.code();
    }

    static Locale locale() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Locale.ENGLISH;
        }
        var request = attributes.getRequest();
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return LocaleContextHolder.getLocale();
        }
        return ApiLanguage.of(request);
    }
}
