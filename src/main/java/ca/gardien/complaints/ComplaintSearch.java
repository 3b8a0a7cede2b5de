package ca.gardien.complaints;

import ca.gardien.shared.References;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a search of the complaints queue matches, once the file is opened: its reference as typed ("c-2026-7"), or a part
 * of its reference, subject, complainant's name, email or phone, without regard to case or accents ("lefrancois" finds
 * "Lefrançois"); a phone also by its digits alone ("514 555-0199" finds "+1 514 555 0199").
 */
final class ComplaintSearch {

    private ComplaintSearch() {}

    static Predicate<Complaint> of(String search) {
        var reference = References.parse(search);
        var part = folded(search.strip());
        var digits = search.replaceAll("\\D", "");
        return c -> (reference != null && reference.equals(c.reference()))
                || contains(c.reference(), part)
                || contains(c.subject(), part)
                || contains(c.name(), part)
                || contains(c.email(), part)
                || (digits.length() >= 4
                        && c.phone() != null
                        && c.phone().replaceAll("\\D", "").contains(digits));
    }

    private static boolean contains(String value, String part) {
        return value != null && folded(value).contains(part);
    }

    /** Lower case without accents: what a person types without them still matches. */
    private static String folded(String value) {
        return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
