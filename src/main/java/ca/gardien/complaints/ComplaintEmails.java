package ca.gardien.complaints;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxViews;
import ca.gardien.organization.Organization;
import java.util.List;
import org.springframework.stereotype.Component;

/** The letters about a complaint emailed to the complainant, through the outbox. */
@Component
class ComplaintEmails {

    private final Outbox outbox;
    private final OutboxViews mail;
    private final Organization organization;

    ComplaintEmails(Outbox outbox, OutboxViews mail, Organization organization) {
        this.outbox = outbox;
        this.mail = mail;
        this.organization = organization;
    }

    /**
     * Emails the complainant (when they gave an address) a letter about their complaint: its subject and the text.
     * Returns whether the email stays in the outbox (no mail server configured: it never leaves), which the step's
     * timeline line, its fact ({@code outbox: held}) and the page then say instead of "sent".
     */
    boolean email(Complaint c, String template, String text) {
        if (c.email() != null) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    c.email(),
                    template,
                    ComplaintFiles.locale(c),
                    // {3}: where to write back, the person in charge's address (officer's review: the request for
                    // information did not say how to answer it); empty without an organization profile
                    List.of(c.subject(), text, c.reference(), replyTo()),
                    "complaint",
                    c.id().toString(),
                    true));
        }
        return c.email() != null && !mail.deliveryConfigured();
    }

    private String replyTo() {
        return organization
                .profile()
                .map(p -> " (" + p.personInCharge().email() + ")")
                .orElse("");
    }
}
