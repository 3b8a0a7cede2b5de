package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an open request, from the console or the API, with the reason staff gave, if any (officer's review of 2026-12-07: no
 * reason was asked). The reason is kept as a note of the request (sealed, destroyed with its personal information);
 * the {@code requests.cancelled} fact names that note by its id and the reason's keyed digest (HMAC with the requests'
 * key: a plain SHA-256 of a short reason — a name, "duplicate" — could be found again by guessing, attacker's second
 * pass), never by its words, since the ledger outlives the personal information. No message goes to the person.
 */
@Service
class Cancellations {

    /** The field a refused reason is said of: the API body's property, the console form's parameter. */
    private static final String REASON = "reason";

    private final RequestIntake intake;
    private final RequestNotes notes;
    private final KeyedDigest key;

    Cancellations(RequestIntake intake, RequestNotes notes, @Qualifier(RequestsConfiguration.KEY) KeyedDigest key) {
        this.intake = intake;
        this.notes = notes;
        this.key = key;
    }

    /**
     * The one way to cancel with a reason: the console's form and the API's {@code POST …/cancel} both come here.
     *
     * @param reason null or blank when none was given
     * @return the request, cancelled
     * @throws InvalidInputException naming {@code reason} when longer than a note may be (or holding control
     *     characters); nothing is kept then and the request stays open
     */
    @Transactional
    RightsRequest cancel(UUID id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            return intake.cancel(id, actor);
        }
        RequestNotes.Note note;
        try {
            note = notes.add(id, reason, actor);
        } catch (InvalidInputException e) { // said of the reason's field, not of the notes' form
            throw new InvalidInputException(REASON, "requests.field.cancel-reason", RequestNotes.MAX_NOTE);
        }
        var digest = key.digest("cancel-reason", note.body());
        return intake.cancel(id, actor, Map.of("note", note.id().toString(), "reasonDigest", digest));
    }
}
