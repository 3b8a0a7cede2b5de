package ca.gardien.console;

import ca.gardien.shared.DateRange;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The period of every list in time (the {@code period} fragment: ledger, consent history): a "to" day before the "from"
 * day would find nothing without saying why, and a day that is none ({@code 2026-13-45}) was left out of the search
 * without saying so; both are refused next to the period, as the other filters' errors are.
 */
final class ListPeriod {

    static final String REVERSED = "lists.period.reversed";
    static final String UNREADABLE = "lists.period.unreadable";

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
        String error;
        if (unreadable(from) || unreadable(to)) { // "2026-13-45" filtered nothing, and the list looked searched
            error = messages.getMessage(UNREADABLE, null, locale);
        } else if (reversed(from, to)) {
            error = messages.getMessage(REVERSED, args(from, to), locale);
        } else {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("periodError", error);
        return true;
    }

    /** The same for an export: a 400 problem naming the day in error. */
    static void check(String from, String to) {
        if (unreadable(from)) {
            throw new InvalidInputException("from", UNREADABLE);
        }
        if (unreadable(to)) {
            throw new InvalidInputException("to", UNREADABLE);
        }
        if (reversed(from, to)) {
            throw new InvalidInputException("to", REVERSED, args(from, to));
        }
    }

    /** A day typed that is not a day of the calendar Gardien keeps (not blank, and not read as a day). */
    private static boolean unreadable(String day) {
        return day != null && !day.isBlank() && DateRange.day(day) == null;
    }

    private static Object[] args(String from, String to) {
        return new Object[] {DateRange.day(from).toString(), DateRange.day(to).toString()};
    }
}
