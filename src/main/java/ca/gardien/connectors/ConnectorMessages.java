package ca.gardien.connectors;

import ca.gardien.shared.FieldError;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The connectors' refusals in French or English: in the console, the page's language; in the API, the
 * {@code Accept-Language} asked for (French or English), English by default like the API's other messages; outside a
 * request (a run's failure, kept and shown later), English.
 */
@Component
public class ConnectorMessages {

    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final MessageSource messages;

    ConnectorMessages(MessageSource messages) {
        this.messages = messages;
    }

    public FieldError field(String field, Refusal refusal) {
        return new FieldError(field, text(refusal));
    }

    public String text(Refusal refusal) {
        // a full key (connectors.id.invalid, outbound.not-public), or a JDBC URL refusal's short code
        var key = refusal.code().contains(".") ? refusal.code() : "connectors.url." + refusal.code();
        var args = refusal.args().length == 0 ? null : refusal.args();
        return messages.getMessage(key, args, key, locale());
    }

    static Locale locale() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Locale.ENGLISH;
        }
        var request = attributes.getRequest();
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return LocaleContextHolder.getLocale();
        }
        var header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            var chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
