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
        this(
                List.of(
                        reason == Reason.LENGTH
                                ? FieldError.of(field, "password.refused.length", min, max)
                                : FieldError.of(field, "password.refused." + reason.code())),
                field,
                reason);
    }

    private PasswordRefusedException(List<FieldError> errors, String field, Reason reason) {
        super(errors);
        this.field = field;
        this.reason = reason;
    }

    /**
     * The same refusal among the other errors of its form, in the form's order ({@code before} its field, then
     * {@code after}): every error of a form at once (officer's review: a form without a role and with a refused password
     * said only the role, then the password on the next try).
     */
    PasswordRefusedException among(List<FieldError> before, List<FieldError> after) {
        var all = new java.util.ArrayList<>(before);
        all.add(passwordError());
        all.addAll(after);
        return new PasswordRefusedException(all, field, reason);
    }

    /** The same refusal after {@code first}, an error of a field the form shows above the password. */
    PasswordRefusedException after(FieldError first) {
        var all = new java.util.ArrayList<FieldError>();
        all.add(first);
        all.addAll(errors());
        return new PasswordRefusedException(all, field, reason);
    }

    private FieldError passwordError() {
        return errors().stream()
                .filter(e -> e.field().equals(field))
                .findFirst()
                .orElseThrow();
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Every error of the form, in the reader's language, the password's said inside {@code key}, whose argument is the
     * rule's words ("The initial password {0}."): next to the field, they name it.
     */
    public List<FieldError> errors(MessageSource messages, Locale locale, String key) {
        var said = messages.getMessage(
                key, new Object[] {localized(messages, locale).message()}, locale);
        return errors().stream()
                .map(e -> e.field().equals(field) ? new FieldError(field, said) : e.in(messages, locale))
                .toList();
    }

    /** The password's error in the reader's language. */
    public FieldError localized(MessageSource messages, Locale locale) {
        return passwordError().in(messages, locale);
    }
}
