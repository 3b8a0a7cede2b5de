package ca.gardien.mail;

import ca.gardien.shared.OwnDataSchedule;
import org.springframework.stereotype.Component;

/** The schedule of the outbox's messages, for the retention page ({@link OutboxPurge}); deleted rows are not counted. */
@Component
class OutboxKeeping implements OwnDataSchedule {

    private final OutboxPurge purge;
    private final MailProperties properties;

    OutboxKeeping(OutboxPurge purge, MailProperties properties) {
        this.purge = purge;
        this.properties = properties;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                400,
                "mail.own-data",
                properties.retention(),
                "gardien.mail.retention",
                properties.purgeEvery(),
                purge.lastSweep(),
                null);
    }
}
