package ca.gardien.inventory;

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
