package ca.gardien.complaints;

import ca.gardien.mail.HeldMail;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answered files whose answer's email has not left: the last {@code complaint-answer} email about the file is held
 * ({@link HeldMail}: stored, with no mail server, or stored before one was configured and not sent since), as each
 * file's page says ({@link
 * ComplaintPage#heldLetter}); closed files too (officer's walk: a closed file whose answer never left dropped out of
 * the count and read « Fermée / Traitée »), until the answer is recorded transmitted another way. The one definition of a held answer: the dashboard's count, the queue's filter, its rows'
 * status and their CSV all read it, so that the count is the number of files its link lists.
 */
@Component
class HeldAnswers {

    /** The outbox template of a complaint's answer. */
    static final String TEMPLATE = "complaint-answer";

    private final HeldMail mail;
    private final ComplaintCounts counts;

    HeldAnswers(HeldMail mail, ComplaintCounts counts) {
        this.mail = mail;
        this.counts = counts;
    }

    /**
     * The answered or closed files (assigned to {@code assignedTo}, unless null) whose answer is held: two statements whatever
     * their number (the outbox keeps its retention period's messages), with a mail server configured or not: an answer
     * stored before it was configured has not left either (officer's review: such answers vanished from the count).
     */
    @Transactional(readOnly = true)
    Set<UUID> among(UUID assignedTo) {
        var waiting = mail.held(TEMPLATE).stream().map(UUID::fromString).toList();
        return counts.answeredAmong(waiting, assignedTo);
    }

    /** Whether one file's answer is held, as {@link #among} says of it: read from that file's messages only. */
    boolean of(UUID id) {
        return !mail.held(TEMPLATE, List.of(id.toString())).isEmpty()
                && !counts.answeredAmong(List.of(id), null).isEmpty();
    }
}
