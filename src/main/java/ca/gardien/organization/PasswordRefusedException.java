package ca.gardien.organization;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A new password the rule refuses ({@link PasswordRule}); the field is named, the password never repeated. The message
 * exists in French and English ({@code password.refused.*} in the message bundles).
 */
@org.springframework.modulith.NamedInterface("actions")
public class PasswordRefusedException extends InvalidInputException {

    /** Why; {@link #code()} is the stable name clients may switch on. */
    public enum Reason {
        LENGTH,
        USERNAME,
        ORGANIZATION,
        REPETITIVE,
        SEQUENCE,
        COMMON;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String field;
    private final Reason reason;

    PasswordRefusedException(String field, Reason reason, int min, int max) {
        super(List.of(
                reason == Reason.LENGTH
                        ? FieldError.of(field, "password.refused.length", min, max)
                        : FieldError.of(field, "password.refused." + reason.code())));
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    /** The error in the reader's language. */
    public FieldError localized(MessageSource messages, Locale locale) {
        return errors().get(0).in(messages, locale);
    }
}
