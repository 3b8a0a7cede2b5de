package ca.gardien.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The request conflicts with the current state (duplicate name, stale version); rendered as a 409 problem. What
 * conflicts is the bundle text {@code key} (it starts with the module's name) with its arguments, put in the reader's
 * language at the web edge ({@link #in}).
 */
public class ConflictException extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    public ConflictException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    /** The text in the given language. */
    public String in(MessageSource messages, Locale locale) {
        return messages.getMessage(key, arguments.clone(), key, locale);
    }

    /** The conflict as an error of a form's field. */
    public FieldError on(String field) {
        return FieldError.of(field, key, arguments.clone());
    }
}
