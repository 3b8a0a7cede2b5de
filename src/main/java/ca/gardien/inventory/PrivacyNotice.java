package ca.gardien.inventory;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

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

    static PrivacyNotice of(DataMap map, Locale locale, MessageSource messages) {
        var subjects = index(map.subjectCategories());
        var categories = index(map.piCategories());
        var purposes = index(map.purposes());
        var bases = index(map.legalBases());
        var rules = index(map.retentionRules());
        var parties = index(map.thirdParties());
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
                    messages.getMessage(
                            "person".equals(a.source()) ? "notice.source.person" : "notice.source.third-party",
                            null,
                            locale),
                    bases.get(a.legalBasis()).name().in(locale),
                    a.retention() == null ? null : retention(rules.get(a.retention()), locale, messages),
                    a.recipients().stream()
                            .map(id -> parties.get(id).name(locale))
                            .toList()));
        }
        var received = map.processingActivities().stream()
                .flatMap(a -> a.recipients().stream())
                .collect(Collectors.toSet());
        return new PrivacyNotice(
                map.piCategories().stream().map(c -> c.name().in(locale)).toList(),
                activities,
                map.thirdParties().stream()
                        .filter(t -> received.contains(t.id()))
                        .map(t -> new Recipient(t.name(locale), t.location(locale)))
                        .toList(),
                map.transfers().stream()
                        .map(t -> new Recipient(
                                parties.get(t.recipient()).name(locale),
                                Places.name(t.destination(), locale, messages)))
                        .toList(),
                map.purposes().stream().map(p -> purpose(p, locale)).toList());
    }

    private static Activity.Purpose purpose(Purpose p, Locale locale) {
        return new Activity.Purpose(
                p.name().in(locale),
                p.description() == null ? null : p.description().in(locale));
    }

    static String retention(RetentionRule rule, Locale locale, MessageSource messages) {
        var period = duration(Period.parse(rule.duration()).normalized(), locale, messages);
        var end = messages.getMessage(
                "anonymize".equals(rule.disposal()) ? "notice.disposal.anonymize" : "notice.disposal.destroy",
                null,
                locale);
        return messages.getMessage("notice.retention", new Object[] {rule.name().in(locale), period, end}, locale);
    }

    /** Years, months and days in words ({@code notice.duration.*}, with their plurals), joined by "and". */
    static String duration(Period p, Locale locale, MessageSource messages) {
        var parts = new ArrayList<String>();
        if (p.getYears() > 0) parts.add(unit("years", p.getYears(), locale, messages));
        if (p.getMonths() > 0) parts.add(unit("months", p.getMonths(), locale, messages));
        if (p.getDays() > 0) parts.add(unit("days", p.getDays(), locale, messages));
        return parts.stream()
                .reduce((a, b) -> messages.getMessage("notice.duration.and", new Object[] {a, b}, locale))
                .orElseGet(() -> messages.getMessage("notice.duration.none", null, locale));
    }

    private static String unit(String unit, int count, Locale locale, MessageSource messages) {
        return messages.getMessage("notice.duration." + unit, new Object[] {count, String.valueOf(count)}, locale);
    }

    private static <T extends DataMap.Item> Map<String, T> index(List<T> items) {
        return items.stream().collect(Collectors.toMap(DataMap.Item::id, Function.identity()));
    }
}
