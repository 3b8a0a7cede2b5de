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

    LedgerTitles(List<ObjectNames> names) {
        this.names = List.copyOf(names);
    }

    /** The types named here: the ledger's fallback ("element not found") for an id none of them names. */
    boolean names(String type) {
        return names.stream().anyMatch(n -> n.objectType().equals(type));
    }

    void addTo(List<LedgerEntry> entries, Map<String, String> found, Map<String, String> links, Locale locale) {
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
}
