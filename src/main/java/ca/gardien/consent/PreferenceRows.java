package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.DataMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a person's preference page lists: the purposes they have a record for, and the purposes that rest on consent
 * (an activity with an express or implicit consent basis uses them). Cookie purposes are left to the banner.
 */
final class PreferenceRows {

    /** One purpose with the person's current state: {@code granted}, {@code refused}, … or {@code none}. */
    record Row(String purpose, String name, String description, String state, boolean granted) {}

    private PreferenceRows() {}

    static List<Row> of(DataMap map, List<ConsentRecord> history, Instant now, Locale locale) {
        var latest = new HashMap<String, ConsentRecord>();
        history.forEach(r -> latest.put(r.purpose(), r));
        var consentBases = new HashSet<String>();
        map.legalBases().stream()
                .filter(b -> b.kind() != null && b.kind().endsWith("-consent"))
                .forEach(b -> consentBases.add(b.id()));
        var onConsent = new HashSet<String>();
        map.processingActivities().stream()
                .filter(a -> consentBases.contains(a.legalBasis()))
                .forEach(a -> onConsent.addAll(a.purposes()));
        return map.purposes().stream()
                .filter(p -> p.cookieCategory() == null)
                .filter(p -> latest.containsKey(p.id()) || onConsent.contains(p.id()))
                .map(p -> {
                    var state = state(latest.get(p.id()), now);
                    return new Row(
                            p.id(),
                            p.name().in(locale),
                            p.description() == null ? null : p.description().in(locale),
                            state,
                            "granted".equals(state));
                })
                .toList();
    }

    static boolean offered(List<Row> rows, String purpose) {
        return rows.stream().anyMatch(r -> r.purpose().equals(purpose));
    }

    private static String state(ConsentRecord record, Instant now) {
        if (record == null) {
            return "none";
        }
        boolean lapsed =
                record.state() == State.GRANTED && record.validUntil() != null && !now.isBefore(record.validUntil());
        return lapsed ? "expired" : record.state().name().toLowerCase(Locale.ROOT);
    }
}
