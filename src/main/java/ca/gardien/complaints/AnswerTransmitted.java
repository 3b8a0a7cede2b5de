package ca.gardien.complaints;

import ca.gardien.mail.Outbox;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The answer whose email stays in the outbox, recorded transmitted to the complainant another way (officer's walk: a
 * closed file whose answer never left looked finished everywhere, and nothing recorded how the person got it): the day
 * and the means ("par la poste"), a timeline line ({@value #STEP}, its detail the day then the means, sealed) and a
 * ledger fact (the day and the means' SHA-256, never its words, and how many letters were withdrawn). The file's letters
 * still stored in the outbox are withdrawn ({@link #LETTERS}, {@code Outbox.withdraw}: never sent by Gardien, so never
 * twice), and the file is then no longer held ({@link HeldAnswers}).
 */
@Component
class AnswerTransmitted {

    /** The timeline step; {@link ComplaintCounts#answeredAmong} leaves out the files that have one. */
    static final String STEP = "answer-transmitted";

    /** The longest means: a line ("par la poste, lettre recommandée n° …"). */
    static final int MAX_MEANS = 300;

    private final ComplaintFiles files;
    private final ComplaintStore store;
    private final ComplaintClock clock;
    /**
     * The file's letters to the complainant withdrawn from the outbox once the answer is recorded transmitted: the
     * answer, and the acknowledgement, request for information and delay notice still held before it — the answer that
     * reached the person supersedes them, and a mail server configured later must not send any of them after it.
     */
    static final List<String> LETTERS =
            List.of(HeldAnswers.TEMPLATE, "complaint-received", "complaint-information", "complaint-delay");

    private final HeldAnswers held;
    private final Clock instants;
    private final Outbox outbox;

    AnswerTransmitted(
            ComplaintFiles files,
            ComplaintStore store,
            ComplaintClock clock,
            HeldAnswers held,
            Clock instants,
            Outbox outbox) {
        this.outbox = outbox;
        this.files = files;
        this.store = store;
        this.clock = clock;
        this.held = held;
        this.instants = instants;
    }

    /**
     * Records that the held answer reached the complainant on {@code on} by {@code means}: every field error at once
     * (the day required, not in the future nor before the answer; the means required, one line); a file whose answer is
     * not held (not answered, sent, or recorded transmitted already) is a conflict. Its own transaction, as the facade's
     * steps (a refused read keeps its fact).
     */
    @org.springframework.transaction.annotation.Transactional(
            noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    ComplaintView record(UUID id, String on, String means, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        var errors = new ArrayList<FieldError>();
        LocalDate day = null;
        if (on == null || on.isBlank()) {
            errors.add(FieldError.of("transmittedOn", "shared.field.required"));
        } else if ((day = DateRange.day(on)) == null) {
            errors.add(DateRange.outside("transmittedOn"));
        } else if (day.isAfter(clock.today())) {
            errors.add(FieldError.of("transmittedOn", "shared.field.not-future"));
        } else if (c.answeredOn() != null && day.isBefore(c.answeredOn())) {
            errors.add(FieldError.of(
                    "transmittedOn",
                    "complaints.field.before-answer",
                    c.answeredOn().toString()));
        }
        var how = FieldTexts.text(means, "means", MAX_MEANS, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!held.of(c.id())) {
            throw new ConflictException("complaints.conflict.not-held");
        }
        store.step(c.id(), STEP, day + " " + how, caller.actor(), instants.instant());
        // in this transaction: a « send now » that claimed a letter first sends it, one after finds it withdrawn
        int withdrawn = outbox.withdraw("complaint", c.id().toString(), LETTERS);
        files.fact(
                "answer-transmitted",
                c.id(),
                caller.actor(),
                Map.of(
                        "on",
                        day.toString(),
                        "sha256",
                        ca.gardien.shared.Digests.sha256Hex(how),
                        "withdrawnFromOutbox",
                        String.valueOf(withdrawn)));
        return files.view(c);
    }
}
