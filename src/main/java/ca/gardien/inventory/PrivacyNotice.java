package ca.gardien.inventory;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published privacy notice (ss. 3.2, 8, 8.2) generated from the data map, in one language: what is collected,
 * why, from where, on what basis, shared with whom and where, and kept how long.
 */
record PrivacyNotice(
        List<String> categories,
        List<Activity> activities,
        List<Recipient> recipients,
        List<Recipient> outsideQuebec,
        List<Activity.Purpose> purposes) {

    record Activity(
            String name,
            List<String> subjects,
            List<String> categories,
            List<Purpose> purposes,
            String source,
            String basis,
            String retention,
            List<String> recipients) {

        record Purpose(String name, String description) {}
    }

    record Recipient(String name, String where) {}

    static PrivacyNotice of(DataMap map, Locale locale) {
        var subjects = index(map.subjectCategories());
        var categories = index(map.piCategories());
        var purposes = index(map.purposes());
        var bases = index(map.legalBases());
        var rules = index(map.retentionRules());
        var parties = index(map.thirdParties());
        boolean en = "en".equals(locale.getLanguage());
        var activities = new ArrayList<Activity>();
        for (var a : map.processingActivities()) {
            activities.add(new Activity(
                    a.name().in(locale),
                    a.subjects().stream()
                            .map(id -> subjects.get(id).name().in(locale))
                            .toList(),
                    a.categories().stream()
                            .map(id -> categories.get(id).name().in(locale))
                            .toList(),
                    a.purposes().stream()
                            .map(id -> purpose(purposes.get(id), locale))
                            .toList(),
                    "person".equals(a.source())
                            ? (en ? "From you" : "Auprès de vous")
                            : (en
                                    ? "From a third party, with your consent"
                                    : "Auprès d'un tiers, avec votre consentement"),
                    bases.get(a.legalBasis()).name().in(locale),
                    a.retention() == null ? null : retention(rules.get(a.retention()), locale),
                    a.recipients().stream().map(id -> parties.get(id).name()).toList()));
        }
        var received = map.processingActivities().stream()
                .flatMap(a -> a.recipients().stream())
                .collect(Collectors.toSet());
        return new PrivacyNotice(
                map.piCategories().stream().map(c -> c.name().in(locale)).toList(),
                activities,
                map.thirdParties().stream()
                        .filter(t -> received.contains(t.id()))
                        .map(t -> new Recipient(t.name(), t.location()))
                        .toList(),
                map.transfers().stream()
                        .map(t -> new Recipient(parties.get(t.recipient()).name(), t.destination()))
                        .toList(),
                map.purposes().stream().map(p -> purpose(p, locale)).toList());
    }

    private static Activity.Purpose purpose(Purpose p, Locale locale) {
        return new Activity.Purpose(
                p.name().in(locale),
                p.description() == null ? null : p.description().in(locale));
    }

    static String retention(RetentionRule rule, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        var period = duration(Period.parse(rule.duration()).normalized(), en);
        var end = "anonymize".equals(rule.disposal())
                ? (en ? "then anonymized" : "puis anonymisés")
                : (en ? "then destroyed" : "puis détruits");
        return rule.name().in(locale) + (en ? ": " : " : ") + period + ", " + end;
    }

    static String duration(Period p, boolean en) {
        var parts = new ArrayList<String>();
        if (p.getYears() > 0) parts.add(p.getYears() + (en ? " year" : " an") + (p.getYears() > 1 ? "s" : ""));
        if (p.getMonths() > 0) parts.add(p.getMonths() + (en ? (p.getMonths() > 1 ? " months" : " month") : " mois"));
        if (p.getDays() > 0) parts.add(p.getDays() + (en ? " day" : " jour") + (p.getDays() > 1 ? "s" : ""));
        return parts.isEmpty() ? (en ? "no time" : "aucun délai") : String.join(en ? " and " : " et ", parts);
    }

    private static <T extends DataMap.Item> Map<String, T> index(List<T> items) {
        return items.stream().collect(Collectors.toMap(DataMap.Item::id, Function.identity()));
    }
}
