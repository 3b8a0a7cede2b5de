package ca.gardien.console;

import ca.gardien.shared.DateRange;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The period of every list in time (the {@code period} fragment: ledger, consent history): a "to" day before the "from"
 * day would find nothing without saying why, so it is refused next to the "to" field, as the other filters' errors are.
 */
final class ListPeriod {

    static final String REVERSED = "lists.period.reversed";

    private ListPeriod() {}

    /** Whether both days are readable and the second comes before the first. */
    static boolean reversed(String from, String to) {
        var start = DateRange.day(from);
        var end = DateRange.day(to);
        return start != null && end != null && end.isBefore(start);
    }

    /**
     * Says a reversed period on the page ({@code periodError}, a 400) and returns true: the list is then not searched;
     * false, and nothing said, otherwise.
     */
    static boolean refused(
            String from, String to, Model model, HttpServletResponse response, MessageSource messages, Locale locale) {
        if (!reversed(from, to)) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("periodError", messages.getMessage(REVERSED, args(from, to), locale));
        return true;
    }

    /** The same for an export: a 400 problem naming {@code to}. */
    static void check(String from, String to) {
        if (reversed(from, to)) {
            throw new InvalidInputException("to", REVERSED, args(from, to));
        }
    }

    private static Object[] args(String from, String to) {
        return new Object[] {DateRange.day(from).toString(), DateRange.day(to).toString()};
    }
}
