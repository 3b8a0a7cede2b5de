package ca.gardien.mail;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One line of the outbox as the console lists it, with the file it is about (a request, a complaint, an incident …;
 * null for none). {@code toString} leaves out the recipient and the subject: they are personal information.
 */
@NamedInterface("views")
public record OutboxEntry(
        UUID id,
        Instant createdAt,
        Message.Channel channel,
        String recipient,
        String subject,
        Status status,
        String relatedType,
        String relatedId) {

    /**
     * Whether the message left Gardien: {@code HELD} has not left and will not by itself ({@link HeldMail}: no sender
     * configured, or stored longer than the grace with a mail server), {@code SENDING} is an email the mail server is
     * about to take (stored within the grace), {@code WITHDRAWN} was recorded transmitted another way and is never sent
     * by Gardien ({@link Outbox#withdraw}).
     */
    public enum Status {
        HELD,
        SENDING,
        SENT,
        FAILED,
        BOUNCED,
        WITHDRAWN
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + id + ", " + channel + ", " + status + "]";
    }
}
