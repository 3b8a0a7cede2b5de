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

    private static final String GAP = "inventory-gap";

    private final List<ObjectNames> names;
    private final ca.gardien.inventory.MapNames mapNames;
    private final ca.gardien.inventory.Inventory inventory;
    private final org.springframework.context.MessageSource messages;

    LedgerTitles(
            List<ObjectNames> names,
            ca.gardien.inventory.MapNames mapNames,
            ca.gardien.inventory.Inventory inventory,
            org.springframework.context.MessageSource messages) {
        this.names = List.copyOf(names);
        this.mapNames = mapNames;
        this.inventory = inventory;
        this.messages = messages;
    }

    /** The types named here: the ledger's fallback ("element not found") for an id none of them names. */
    boolean names(String type) {
        return names.stream().anyMatch(n -> n.objectType().equals(type));
    }

    void addTo(List<LedgerEntry> entries, Map<String, String> found, Map<String, String> links, Locale locale) {
        gapsTo(entries, found, links, locale);
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
     * showed "transfer-without-approved-pia:transfers:…"), from their ids and one read of the map; a gap whose item the
     * map no longer has is named as gone by the caller.
     */
    private void gapsTo(
            List<LedgerEntry> entries, Map<String, String> found, Map<String, String> links, Locale locale) {
        var ids = entries.stream()
                .filter(e -> GAP.equals(e.objectType()))
                .map(LedgerEntry::objectId)
                .collect(java.util.stream.Collectors.toSet());
        if (ids.isEmpty()) {
            return;
        }
        mapNames.gaps(inventory.current(), ids, locale).forEach((id, gap) -> {
            found.put(id, messages.getMessage("ledger.named.gap", new Object[] {gap.rule(), gap.item()}, locale));
            links.put(id, "/console/inventory/gaps#gap-" + id.replace(':', '-'));
        });
    }
}
