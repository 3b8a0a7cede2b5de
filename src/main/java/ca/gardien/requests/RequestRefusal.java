package ca.gardien.requests;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What another module may learn of a workflow refusal (a step not allowed in the status, a type the jurisdiction does
 * not know) to render it in its own error format.
 */
@org.springframework.modulith.NamedInterface("actions")
public interface RequestRefusal {

    /** The HTTP status the refusal stands for (409, 422, 429 …). */
    int statusCode();

    /** The last segment of the refusal's stable problem type, e.g. {@code request-type-unavailable}. */
    String reason();

    /** The input fields the refusal names (e.g. what a refusal letter lacks); empty when it names none. */
    default List<String> fields() {
        return List.of();
    }

    /** What was refused and why, in the given language. */
    String detail(MessageSource messages, Locale locale);
}
