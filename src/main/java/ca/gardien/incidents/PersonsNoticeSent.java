package ca.gardien.incidents;

import ca.gardien.mail.MessageSent;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Dates an entry's persons' notice in the register (item 7) the day its first notice actually left through the mail
 * server — not the day it was queued: a notice queued without a mail server, or that the server did not take, may
 * leave days later from the outbox, or never (officer's review). A notice already dated (by an earlier sending, or a
 * transmission the officer recorded) keeps its date; a closed entry changes no more. The person's address, kept while
 * the notice waited (the mailing file lists it), is erased as it leaves (Law 25: kept no longer than the notice needs).
 */
@Component
class PersonsNoticeSent {

    private final IncidentNotices notices;
    private final OrganizationTime time;
    private final IncidentPersonStore store;
    private final PersonsKeys personsKeys;

    PersonsNoticeSent(
            IncidentNotices notices, OrganizationTime time, IncidentPersonStore store, PersonsKeys personsKeys) {
        this.notices = notices;
        this.time = time;
        this.store = store;
        this.personsKeys = personsKeys;
    }

    @ApplicationModuleListener
    void on(MessageSent sent) {
        if (!personsNotice(sent)) {
            return;
        }
        try {
            notices.datePersons(UUID.fromString(sent.relatedId()), time.day(sent.sentAt()), Actor.SYSTEM);
        } catch (ConflictException | NotFoundException | InvalidInputException e) {
            // closed since, gone, or a day the register refuses: nothing to date (a failure here would only be retried
            // for ever)
        }
    }

    /**
     * The notice left: its person's address is no longer needed (kept while it waited, for the mailing file). Its own
     * transaction, apart from the dating (which a closed entry refuses), so that the address goes whatever the entry.
     */
    @ApplicationModuleListener
    void forget(MessageSent sent) {
        if (!personsNotice(sent)) {
            return;
        }
        var incident = UUID.fromString(sent.relatedId());
        store.sent(incident, sent.messageId());
        personsKeys.forgetWhenEmpty(incident);
    }

    /** Whether the message that left is a person's notice of an incident. */
    private static boolean personsNotice(MessageSent sent) {
        return IncidentPersons.NOTICE_TEMPLATE.equals(sent.template())
                && "incident".equals(sent.relatedType())
                && sent.relatedId() != null;
    }
}
