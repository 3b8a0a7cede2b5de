package ca.gardien.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The objects of a data map as a person reads them, in one place for every page (the gaps' explanations, their links):
 * by their names; a transfer, which has none of its own, by whom it goes to and where ("Google LLC (États-Unis)",
 * a province as "Ontario (Canada)"), never by its id (officer's walks: « La communication « analytics-us » »).
 */
@Component
@org.springframework.modulith.NamedInterface("views")
public class MapNames {

    private final MessageSource messages;

    MapNames(MessageSource messages) {
        this.messages = messages;
    }

    /** Every object of the map by its path ({@code transfers/analytics-us}), in document order. */
    public Map<String, String> of(DataMap map, Locale locale) {
        var names = new LinkedHashMap<String, String>();
        map.sections()
                .forEach(section -> section.items()
                        .forEach(item -> names.put(section.name() + "/" + item.id(), name(item, map, locale))));
        return names;
    }

    /** A gap as the gaps page names it: its rule and the object it is about, in words. */
    public record GapName(String rule, String item) {}

    /**
     * Gaps named from their ids ({@code <rule>:<list>:<object id>[:<related ids>]}, {@link Gap#id}) and the map, without
     * checking the rules again: the ledger names a page of gap decisions with one read of the map. An id whose object the
     * map no longer has, or whose rule is unknown, is left out.
     */
    public Map<String, GapName> gaps(DataMap map, Collection<String> ids, Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var items = of(map, locale);
        var found = new LinkedHashMap<String, GapName>();
        for (var id : ids) {
            var parts = id.split(":", 4);
            var item = parts.length < 3 ? null : items.get(parts[1] + "/" + parts[2]);
            var rule = item == null ? null : messages.getMessage("inventory.rule." + parts[0], null, null, locale);
            if (rule != null) {
                found.put(id, new GapName(rule, item));
            }
        }
        return found;
    }

    String name(DataMap.Item item, DataMap map, Locale locale) {
        if (!(item instanceof Transfer t)) {
            return item.displayName(locale);
        }
        return messages.getMessage(
                "inventory.name.transfer", new Object[] {recipient(t, map, locale), place(t, locale)}, locale);
    }

    /** Whom a transfer goes to: the third party's name, or its id as written when the map does not hold it. */
    String recipient(Transfer t, DataMap map, Locale locale) {
        return map.thirdParties().stream()
                .filter(p -> p.id().equals(t.recipient()))
                .findFirst()
                .map(p -> p.displayName(locale))
                .orElse(t.recipient() == null ? "" : t.recipient());
    }

    /** Where a transfer goes, in words ({@link Places}). */
    String place(Transfer t, Locale locale) {
        var place = Places.name(t.destination(), locale, messages);
        return place == null ? "" : place;
    }
}
