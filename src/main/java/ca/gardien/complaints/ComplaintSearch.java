package ca.gardien.complaints;

import ca.gardien.shared.References;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a search of the complaints queue matches, once the file is opened: its reference as typed ("c-2026-7"), or a part
 * of its reference, subject or complainant's name, without regard to case.
 */
final class ComplaintSearch {

    private ComplaintSearch() {}

    static Predicate<Complaint> of(String search) {
        var reference = References.parse(search);
        var part = search.strip().toLowerCase(Locale.ROOT);
        return c -> (reference != null && reference.equals(c.reference()))
                || contains(c.reference(), part)
                || contains(c.subject(), part)
                || contains(c.name(), part);
    }

    private static boolean contains(String value, String part) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(part);
    }
}
