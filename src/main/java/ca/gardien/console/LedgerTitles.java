package ca.gardien.console;

import ca.gardien.ledger.LedgerEntry;
import ca.gardien.shared.ObjectNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ledger's names of the objects their own modules name ({@link ObjectNames}: an assessment or a training campaign
 * by its title, a legal hold by what it holds and when — the officer's review found their ids), one look-up per type
 * per page, each linked to the page that shows it.
 */
@Component
class LedgerTitles {

    private final List<ObjectNames> names;
    private final ca.gardien.inventory.GapReport gaps;
    private final ca.gardien.inventory.MapNames mapNames;
    private final ca.gardien.inventory.Inventory inventory;
    private final org.springframework.context.MessageSource messages;

    LedgerTitles(
            List<ObjectNames> names,
            ca.gardien.inventory.GapReport gaps,
            ca.gardien.inventory.MapNames mapNames,
            ca.gardien.inventory.Inventory inventory,
            org.springframework.context.MessageSource messages) {
        this.names = List.copyOf(names);
        this.gaps = gaps;
        this.mapNames = mapNames;
        this.inventory = inventory;
        this.messages = messages;
    }

    /** The types named here: the ledger's fallback ("element not found") for an id none of them names. */
    boolean names(String type) {
        return names.stream().anyMatch(n -> n.objectType().equals(type));
    }

    void addTo(List<LedgerEntry> entries, Map<String, String> found, Map<String, String> links, Locale locale) {
        if (entries.stream().anyMatch(e -> "inventory-gap".equals(e.objectType()))) {
            gapsTo(found, links, locale);
        }
        for (var type : names) {
            type.names(LedgerReferences.ids(entries, type.objectType()), locale).forEach((id, words) -> {
                found.put(id.toString(), words);
                var page = type.page(id);
                if (page != null) {
                    links.put(id.toString(), page);
                }
            });
        }
    }

    /**
     * The data map's gaps by their rule and item in words, as the gaps page names them (officer's review: the ledger
     * showed "transfer-without-approved-pia:transfers:…"); a gap the map no longer has is named as gone by the caller.
     */
    private void gapsTo(Map<String, String> found, Map<String, String> links, Locale locale) {
        var items = mapNames.of(inventory.current(), locale);
        for (var gap : gaps.gaps(locale)) {
            var rule = messages.getMessage("inventory.rule." + gap.rule(), null, gap.rule(), locale);
            var item = items.get(gap.object());
            found.put(
                    gap.id(),
                    item == null ? rule : messages.getMessage("ledger.named.gap", new Object[] {rule, item}, locale));
            links.put(gap.id(), "/console/inventory/gaps#gap-" + gap.id().replace(':', '-'));
        }
    }
}
