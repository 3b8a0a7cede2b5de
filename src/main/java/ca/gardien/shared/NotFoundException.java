package ca.gardien.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A named object does not exist; rendered as a 404 problem. The object is named by a bundle key
 * ({@code requests.object.request}) and, when it has one, its id; never personal information.
 */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final transient Object id;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
        this.id = id;
    }

    /** An object without an id of its own (the organization's profile, the subject of an identifier). */
    public NotFoundException(String what) {
        super(what + " not found");
        this.what = what;
        this.id = null;
    }

    /** What was not found, in the given language. */
    public String in(MessageSource messages, Locale locale) {
        var name = messages.getMessage(what, null, what, locale);
        return id == null
                ? messages.getMessage("problem.not-found.unnamed", new Object[] {name}, locale)
                : messages.getMessage("problem.not-found", new Object[] {name, String.valueOf(id)}, locale);
    }
}
