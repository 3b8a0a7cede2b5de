package ca.gardien.console;

import ca.gardien.complaints.Complaints;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.References;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The ledger names rights requests and complaints by the references people use ("R-2026-00042", "C-2026-00007"):
 * the page shows them for the ids it lists, and its object filter takes a reference as well as an id.
 */
@Component
class LedgerReferences {

    private final RequestViews requests;
    private final Complaints complaints;

    LedgerReferences(RequestViews requests, Complaints complaints) {
        this.requests = requests;
        this.complaints = complaints;
    }

    /** The references of the requests and complaints among these entries' objects, by object id (two queries). */
    Map<String, String> of(List<LedgerEntry> entries) {
        var requestIds = new HashSet<UUID>();
        var complaintIds = new HashSet<UUID>();
        for (var e : entries) {
            var id = uuid(e.objectId());
            if (id != null && "request".equals(e.objectType())) {
                requestIds.add(id);
            } else if (id != null && "complaint".equals(e.objectType())) {
                complaintIds.add(id);
            }
        }
        var found = new HashMap<String, String>();
        requests.referencesOf(requestIds).forEach((id, reference) -> found.put(id.toString(), reference));
        complaints.referencesOf(complaintIds).forEach((id, reference) -> found.put(id.toString(), reference));
        return found;
    }

    /** What the object filter looks for: a request's or a complaint's id when a reference is typed, else as typed. */
    String objectFilter(String typed) {
        var reference = References.parse(typed);
        if (reference == null) {
            return typed;
        }
        var id = reference.startsWith("C-") ? complaints.idOf(reference) : requests.idOf(reference);
        // a reference that names nothing finds nothing, rather than every object whose id contains its text
        return id.map(UUID::toString).orElse(reference);
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
