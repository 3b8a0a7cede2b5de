package ca.gardien.console;

import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;

/**
 * The file a ledger line's object belongs to, when the fact names it: a message of the outbox about a rights request,
 * a complaint or an incident (the mail module's {@code relatedType} and {@code relatedId}) reads "— demande R-2026-00042", linking
 * to the file's page for a reader who may open it. The files' references come from the page's one look-up of
 * references ({@link LedgerReferences}), never from a query per line.
 */
final class LedgerOwners {

    /** The owner's words and the link to its page, by the line's object id. */
    record Named(Map<String, String> words, Map<String, String> links) {}

    /** A file that owns a line's object. */
    record Owner(String type, UUID id) {}

    private LedgerOwners() {}

    /** The file the entry's payload names as the owner of its object, when the page names such files; else null. */
    static Owner of(LedgerEntry entry) {
        if (!"mail-message".equals(entry.objectType())) {
            return null;
        }
        var type = entry.detail("relatedType");
        var id = FileReferences.uuid(entry.detail("relatedId"));
        return type != null && FileReferences.PAGES.containsKey(type) && id != null ? new Owner(type, id) : null;
    }

    /** The owners these entries name, by id with their type, to add to the page's one look-up of references. */
    static void addTo(List<LedgerEntry> entries, Map<String, String> types) {
        for (var e : entries) {
            var owner = of(e);
            if (owner != null) {
                types.put(owner.id().toString(), owner.type());
            }
        }
    }

    /**
     * Each line's owner in words ({@code ledger.owner.<type>} with the file's reference) and its page for a reader who
     * may open it: a request's and an incident's page are open to every reader of the ledger, a complaint's
     * (confidential) to the person in charge and delegates. A file no longer there (no reference) is not named.
     */
    static Named named(
            List<LedgerEntry> entries,
            Map<String, String> references,
            Set<Role> roles,
            MessageSource messages,
            Locale locale) {
        var words = new HashMap<String, String>();
        var links = new HashMap<String, String>();
        var complaints = roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
        for (var e : entries) {
            var owner = of(e);
            var reference = owner == null ? null : references.get(owner.id().toString());
            if (reference == null) {
                continue;
            }
            words.put(
                    e.objectId(),
                    messages.getMessage("ledger.owner." + owner.type(), new Object[] {reference}, locale));
            if (!"complaint".equals(owner.type()) || complaints) {
                links.put(e.objectId(), FileReferences.PAGES.get(owner.type()) + owner.id());
            }
        }
        return new Named(words, links);
    }
}
