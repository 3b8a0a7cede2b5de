package ca.gardien.organization;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A new password the rule refuses ({@link PasswordRule}); the field is named, the password never repeated. The message
 * exists in French and English ({@code password.refused.*} in the message bundles); the English one is the default.
 */
@org.springframework.modulith.NamedInterface("actions")
public class PasswordRefusedException extends InvalidInputException {

    /** Why; {@link #code()} is the stable name clients may switch on. */
    public enum Reason {
        LENGTH("must be %d to %d characters"),
        USERNAME("must not contain the username"),
        ORGANIZATION("must not contain the name of the organization or of the service"),
        REPETITIVE("must not be a repeated character or pattern"),
        SEQUENCE("must not be a simple sequence such as abcd, 1234 or qwerty"),
        COMMON("is a common password found in published password lists");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String field;
    private final Reason reason;
    private final int min;
    private final int max;

    PasswordRefusedException(String field, Reason reason, int min, int max) {
        super(field, reason.english.formatted(min, max));
        this.field = field;
        this.reason = reason;
        this.min = min;
        this.max = max;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    /** The error in the reader's language. */
    public FieldError localized(MessageSource messages, Locale locale) {
        var code = "password.refused." + reason.code();
        var text = reason == Reason.LENGTH
                ? messages.getMessage(
                        code, new Object[] {min, max}, errors().get(0).message(), locale)
                : messages.getMessage(code, null, errors().get(0).message(), locale);
        return new FieldError(field, text);
    }
}
