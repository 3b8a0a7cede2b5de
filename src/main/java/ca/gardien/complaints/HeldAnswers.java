package ca.gardien.complaints;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxViews;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answered files whose answer's email waits in the outbox and has not left (no mail server): the last
 * {@code complaint-answer} email about the file is stored ({@link Outbox#waiting}), as each file's page says ({@link
 * ComplaintPage#heldLetter}); closed files too (officer's walk: a closed file whose answer never left dropped out of
 * the count and read « Fermée / Traitée »), until the answer is recorded transmitted another way. The one definition of a held answer: the dashboard's count, the queue's filter, its rows'
 * status and their CSV all read it, so that the count is the number of files its link lists.
 */
@Component
class HeldAnswers {

    /** The outbox template of a complaint's answer. */
    static final String TEMPLATE = "complaint-answer";

    private final Outbox outbox;
    private final OutboxViews mail;
    private final ComplaintCounts counts;

    HeldAnswers(Outbox outbox, OutboxViews mail, ComplaintCounts counts) {
        this.outbox = outbox;
        this.mail = mail;
        this.counts = counts;
    }

    /**
     * The answered or closed files (assigned to {@code assignedTo}, unless null) whose answer is held: two statements whatever
     * their number (the outbox keeps its retention period's messages), none while a mail server is configured.
     */
    @Transactional(readOnly = true)
    Set<UUID> among(UUID assignedTo) {
        if (mail.deliveryConfigured()) {
            return Set.of();
        }
        var waiting = outbox.waiting(TEMPLATE, List.of(Message.Channel.EMAIL)).stream()
                .map(UUID::fromString)
                .toList();
        return counts.answeredAmong(waiting, assignedTo);
    }
}
