package ca.gardien.console;

import ca.gardien.complaints.Complaints;
import ca.gardien.incidents.IncidentReferences;
import ca.gardien.mail.OutboxViews;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The files people name by a reference ("R-2026-00042", "C-2026-00007", "I-2026-00003"): a file's reference and page
 * (the ledger's lines, the outbox's messages), and the file a typed reference names (their searches).
 */
@Component
class FileReferences {

    private final RequestViews requests;
    private final Complaints complaints;
    private final IncidentReferences incidents;
    private final OutboxViews outbox;

    FileReferences(RequestViews requests, Complaints complaints, IncidentReferences incidents, OutboxViews outbox) {
        this.requests = requests;
        this.complaints = complaints;
        this.incidents = incidents;
        this.outbox = outbox;
    }

    /** The console page of each kind of file, by object type. */
    static final Map<String, String> PAGES = Map.of(
            "request", "/console/requests/", "complaint", "/console/complaints/", "incident", "/console/incidents/");

    /**
     * A request, complaint or incident by its reference (null once it is gone) and its page; null for an object of
     * another type or an id that is not a file's.
     */
    record File(String type, String reference, String href) {}

    File file(String type, String id) {
        return files(id == null || type == null ? Map.of() : Map.of(id, type)).get(id);
    }

    /** The files these objects are, by object id ({@code types}: each object's type), one look-up per kind of file. */
    Map<String, File> files(Map<String, String> types) {
        var ids = new HashMap<String, Set<UUID>>();
        types.forEach((id, type) -> {
            var file = uuid(id);
            if (file != null && type != null && PAGES.containsKey(type)) {
                ids.computeIfAbsent(type, t -> new HashSet<>()).add(file);
            }
        });
        var files = new HashMap<String, File>();
        ids.forEach((type, some) -> {
            var found = switch (type) {
                case "complaint" -> complaints.referencesOf(some);
                case "incident" -> incidents.of(some);
                default -> requests.referencesOf(some);
            };
            some.forEach(id -> files.put(id.toString(), new File(type, found.get(id), PAGES.get(type) + id)));
        });
        return files;
    }

    /**
     * The objects the ledger's object filter keeps: the file a typed reference or id names with the outbox's messages
     * about it (officer's walk: who was sent, and who opened, the code or the download link of R-… did not show under
     * R-…), else the text as typed; null when nothing was typed.
     */
    List<String> objects(String typed) {
        var search = ca.gardien.shared.Listing.search(typed);
        if (search == null) {
            return null;
        }
        var object = objectFilter(search);
        var file = uuid(object);
        var objects = new ArrayList<String>();
        objects.add(object);
        if (file != null) {
            outbox.about(file).forEach(message -> objects.add(message.toString()));
        }
        return objects;
    }

    /** What the object filter looks for: the id of the file a typed reference names, else the text as typed. */
    String objectFilter(String typed) {
        var reference = References.parse(typed);
        if (reference == null) {
            return typed;
        }
        Optional<UUID> id = switch (reference.charAt(0)) {
            case 'C' -> complaints.idOf(reference);
            case 'I' -> incidents.idOf(reference);
            default -> requests.idOf(reference);
        };
        // a reference that names nothing finds nothing, rather than every object whose id contains its text
        return id.map(UUID::toString).orElse(reference);
    }

    /** The id of a file or record written as a UUID; null for any other text. */
    static UUID uuid(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
