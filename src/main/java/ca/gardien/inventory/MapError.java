package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One mistake in a data-map document: where it is (e.g. {@code processingActivities[3].purposes[1]}) and what. A rule
 * names the mistake by a bundle key {@code inventory.map.*} and its arguments ({@link #of}); the web edge puts it in
 * the reader's language ({@link #in}). Only {@code path} and {@code message} are sent to clients.
 */
@JsonIncludeProperties({"path", "message"})
public record MapError(String path, String message, String key, List<Object> arguments) {

    public MapError {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** The mistake whose message is the bundle text {@code key} with its arguments. */
    static MapError of(String path, String key, Object... arguments) {
        return new MapError(path, null, key, Arrays.asList(arguments));
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

    /** This mistake with its message in the given language. */
    public MapError in(MessageSource messages, Locale locale) {
        return key == null
                ? this
                : new MapError(path, messages.getMessage(key, argumentArray(), key, locale), null, List.of());
    }

    /** The mistakes with their messages in the given language. */
    public static List<MapError> in(List<MapError> errors, MessageSource messages, Locale locale) {
        return errors.stream().map(e -> e.in(messages, locale)).toList();
    }
}
