package ca.gardien.complaints;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint files for another module that refers to one (a legal hold tied to a complaint): whether a file exists, and
 * the titles of the files the signed-in reader may open. No file is opened, so no read is recorded; the complainant
 * is never named.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class ComplaintTitles {

    private final ComplaintStore store;

    ComplaintTitles(ComplaintStore store) {
        this.store = store;
    }

    /** Whether a complaint file with this id exists. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return id != null && store.find(id).isPresent();
    }

    /** The files the reader may open, open ones first (as the queue lists them); none for a reader of no file. */
    @Transactional(readOnly = true)
    public List<ComplaintTitle> openable(Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        if (!caller.receives()) {
            return List.of();
        }
        UUID mine = caller.decides() ? null : caller.accountId().orElse(new UUID(0, 0));
        return store.list(null, mine, null, ComplaintFiles.MAX_LIST).stream()
                .map(ComplaintTitles::title)
                .toList();
    }

    /** The file's title if the reader may open it; empty for one that does not exist and one they may not open. */
    @Transactional(readOnly = true)
    public Optional<ComplaintTitle> find(UUID id, Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        return store.find(id).filter(caller::mayOpen).map(ComplaintTitles::title);
    }

    private static ComplaintTitle title(Complaint c) {
        return new ComplaintTitle(c.id(), c.reference(), c.subject(), c.receivedOn());
    }
}
