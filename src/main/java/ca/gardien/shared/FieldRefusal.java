package ca.gardien.shared;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal of a module's own kind (a request's step not allowed in its status) that a form can show: the input fields
 * it names and why, in the page's language ({@link FormSteps}).
 */
public interface FieldRefusal {

    /** The input fields the refusal names (e.g. what a refusal letter lacks); empty when it names none. */
    default List<String> fields() {
        return List.of();
    }

    /** What was refused and why, in the given language. */
    String detail(MessageSource messages, Locale locale);
}
