package ca.gardien.assessments;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.Places;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.inventory.Transfer;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data-map item an assessment covers as a person reads it, in the reader's language: the list it belongs to and
 * the item's name (a communication outside Québec as its recipient and the destination country's name), never its
 * path such as {@code transfers/backup}. An item no longer in the map is named by its list and its id.
 */
@Component
class ItemNames {

    private final Inventory inventory;
    private final MessageSource messages;

    ItemNames(Inventory inventory, MessageSource messages) {
        this.inventory = inventory;
        this.messages = messages;
    }

    /** The item's name in the current map; null for an assessment started for a project not in the map. */
    String name(String item, Locale locale) {
        return item == null ? null : name(inventory.current(), item, locale);
    }

    String name(DataMap map, String item, Locale locale) {
        if (item == null) {
            return null;
        }
        var slash = item.indexOf('/');
        var kind = slash < 0 ? item : item.substring(0, slash);
        var id = item.substring(slash + 1);
        var name = map.sections().stream()
                .filter(s -> s.name().equals(kind))
                .flatMap(s -> s.items().stream())
                .filter(i -> i.id().equals(id))
                .findFirst()
                .map(i -> switch (i) {
                    case Transfer t -> transfer(map, t, locale);
                    case ThirdParty p -> p.name(locale); // its English name when it has one
                    default -> i.displayName(locale);
                })
                .orElse(id);
        return messages.getMessage("assessments.item", new Object[] {list(kind, locale), name}, locale);
    }

    /** A communication outside Québec: "recipient → country". */
    String transfer(DataMap map, Transfer t, Locale locale) {
        var party = map.thirdParties().stream()
                .filter(p -> p.id().equals(t.recipient()))
                .map(p -> p.name(locale))
                .findFirst()
                .orElse(t.recipient());
        return party + " → " + Places.name(t.destination(), locale, messages);
    }

    private String list(String kind, Locale locale) {
        var list = messages.getMessage("inventory.section." + kind, null, null, locale); // the data map's own names
        return list != null ? list : messages.getMessage("assessments.item-list.other", null, locale);
    }
}
