package ca.gardien.requests;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A request-workflow rule refused the call: a domain exception naming the {@link Refusal}, which the module's advice
 * ({@link RequestProblems}) renders as a problem of its own type with the extra properties. Its title and detail are
 * bundle texts ({@code requests.problem.<what>.title} and {@code .detail}, the detail with its arguments), put in the
 * reader's language at the web edge.
 */
class RequestProblem extends RuntimeException implements RequestRefusal {

    final Refusal refusal;
    final String titleKey;
    final transient Map<String, Object> properties;
    private final transient Object[] arguments;

    /** A problem whose title and detail are {@code requests.problem.<what>.title} and {@code .detail}. */
    RequestProblem(Refusal refusal, String what, Map<String, Object> properties, Object... arguments) {
        this(refusal, what, what, properties, arguments);
    }

    /** A problem titled {@code requests.problem.<title>.title} and detailed by {@code requests.problem.<what>.detail}. */
    RequestProblem(Refusal refusal, String title, String what, Map<String, Object> properties, Object... arguments) {
        super("requests.problem." + what + ".detail");
        this.refusal = refusal;
        this.titleKey = "requests.problem." + title + ".title";
        this.properties = Map.copyOf(properties);
        this.arguments = arguments.clone();
    }

    String title(MessageSource messages, Locale locale) {
        return messages.getMessage(titleKey, null, titleKey, locale);
    }

    /** The detail; the fields it says are missing are named in words ({@code form.field.<name>}), never by code. */
    @Override
    public String detail(MessageSource messages, Locale locale) {
        var args = arguments.clone();
        if (properties.containsKey("missing") && args.length == 1) {
            args[0] = String.join(
                    ", ",
                    fields().stream()
                            .map(f -> messages.getMessage("form.field." + f, null, f, locale))
                            .toList());
        }
        return messages.getMessage(getMessage(), args, getMessage(), locale);
    }

    @Override
    public int statusCode() {
        return RequestProblems.statusCode(refusal);
    }

    @Override
    public List<String> fields() {
        if (properties.get("missing") instanceof List<?> missing) {
            return missing.stream().map(String::valueOf).toList();
        }
        return properties.get("field") instanceof String field ? List.of(field) : List.of();
    }

    @Override
    public String reason() {
        return RequestProblems.typeName(refusal);
    }
}
