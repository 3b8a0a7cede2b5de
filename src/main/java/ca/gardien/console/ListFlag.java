package ca.gardien.console;

import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * A yes-or-no filter of a list, as its check box puts it in the address ({@code hideConsultations=true}): absent or
 * blank is off, {@code true} or {@code false} (in any case) is what it says, and anything else is refused next to the
 * box (400) rather than read as off: an attacker's probe found {@code hideConsultations=yes} showing the consultations
 * as if the box had been left unticked, and the export doing the same.
 *
 * @param field the parameter's name, which is the check box's
 * @param label the message key of the check box's label
 */
record ListFlag(String field, String label) {

    static final String INVALID = "lists.flag.invalid";

    /** Whether the flag is on; null when the value is neither true nor false. */
    static Boolean read(String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value)) {
            return false;
        }
        return "true".equalsIgnoreCase(value) ? true : null;
    }

    /** Whether the flag is on ({@link #read}); off when unreadable, which {@link #refused} or {@link #check} says. */
    static boolean on(String value) {
        return Boolean.TRUE.equals(read(value));
    }

    /**
     * Says an unreadable value on the page ({@code <field>Error}: "label: must be true or false", a 400) and returns
     * true: the list is then not searched; false, and nothing said, otherwise.
     */
    boolean refused(String value, Model model, HttpServletResponse response, MessageSource messages, Locale locale) {
        if (read(value) != null) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        var words = new Object[] {messages.getMessage(label, null, locale), messages.getMessage(INVALID, null, locale)};
        model.addAttribute(field + "Error", messages.getMessage("form.error.line", words, locale));
        return true;
    }

    /** The same for an export: a 400 naming the field; else whether the flag is on. */
    boolean check(String value) {
        var on = read(value);
        if (on == null) {
            throw new InvalidInputException(field, INVALID);
        }
        return on;
    }
}
