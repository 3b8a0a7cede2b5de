package ca.gardien.shared;

import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One invalid field of a request: its path (e.g. {@code roles[1]}) and a message that never echoes the value. A domain
 * rule names the message by a bundle key and its arguments ({@link #of}); the web edge turns it into the reader's
 * language ({@link #in}) before it is shown. Only {@code field} and {@code message} are sent to clients.
 */
@JsonIncludeProperties({"field", "message"})
public record FieldError(String field, String message, String key, List<Object> arguments) {

    public FieldError {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A message already in the reader's language (Bean Validation's, or one read from the bundles). */
    public FieldError(String field, String message) {
        this(field, message, null, List.of());
    }

    /** The error whose message is the bundle text {@code key} (it starts with the module's name) with its arguments. */
    public static FieldError of(String field, String key, Object... arguments) {
        return new FieldError(field, null, key, Arrays.asList(arguments));
    }

    /** The same error said of another field (a form's own name for the field the service named). */
    public FieldError named(String otherField) {
        return new FieldError(otherField, message, key, arguments);
    }

    /** The message, or its key while it is not yet put in a language. */
    @Override
    public String message() {
        return message != null ? message : key;
    }

    /** The arguments of the message key, as the message bundles and Thymeleaf's {@code #messages} take them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }

    /** This error with its message in the given language. */
    public FieldError in(MessageSource messages, Locale locale) {
        return key == null ? this : new FieldError(field, messages.getMessage(key, argumentArray(), key, locale));
    }

    /**
     * This error as a person reads it next to a form's field: a value outside the list the form offers says "choose one
     * of the values offered" ({@code form.choose}) rather than list the API's codes; an empty required field, the
     * sentence every form says ("Ce champ est obligatoire.", {@code form.required}; officer's walk: "Gravité : est
     * obligatoire" read as a fragment); any other as a sentence: its own ({@code <key>.form}, such as "La date ne peut
     * pas être dans le futur."), or the API's fragment made one ({@code form.sentence}: "Ce champ doit compter au plus
     * 200 caractères."; officer's walk: "Reçue le : ne doit pas être dans le futur").
     */
    public FieldError inForm(MessageSource messages, Locale locale) {
        if (ONE_OF.equals(key)) {
            return new FieldError(field, messages.getMessage("form.choose", null, locale));
        }
        if (REQUIRED.equals(key)) {
            return new FieldError(field, messages.getMessage("form.required", null, locale));
        }
        var own = key == null ? null : messages.getMessage(key + ".form", argumentArray(), null, locale);
        if (own != null) {
            return new FieldError(field, own);
        }
        var said = in(messages, locale).message();
        if (said == null || said.isEmpty() || !Character.isLowerCase(said.charAt(0))) {
            return new FieldError(field, said); // a sentence already ("Gardien ne connaît pas {{x}}.")
        }
        var fragment = said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
        return new FieldError(field, messages.getMessage("form.sentence", new Object[] {fragment}, locale));
    }

    /** The key of an empty field that must be filled, said in the API as "is required" after the field's name. */
    public static final String REQUIRED = "shared.field.required";

    /** The key of a value outside a list of codes, whose arguments are the codes. */
    public static final String ONE_OF = "shared.field.one-of";

    /** The errors with their messages in the given language. */
    public static List<FieldError> in(List<FieldError> errors, MessageSource messages, Locale locale) {
        return errors.stream().map(e -> e.in(messages, locale)).toList();
    }
}
