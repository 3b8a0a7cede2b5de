package ca.gardien.shared;

import java.util.List;

/** Bad input detected by a domain rule; rendered as a 400 validation problem naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    /** One field refused; its message is the bundle text {@code key} with its arguments (see {@link FieldError#of}). */
    public InvalidInputException(String field, String key, Object... arguments) {
        this(List.of(FieldError.of(field, key, arguments)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
