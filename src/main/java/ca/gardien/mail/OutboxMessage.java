package ca.gardien.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as stored in the outbox. {@code status} is {@code STORED} (not sent: whether it is held is {@link
 * HeldMail}'s to say), {@code SENT}, {@code FAILED} (the mail server refused the recipient), {@code BOUNCED} (a
 * bounce came back) or {@code WITHDRAWN} (recorded transmitted another way: never sent by Gardien, {@link
 * Outbox#withdraw}).
 */
public record OutboxMessage(
        UUID id,
        Message.Channel channel,
        String recipient,
        String subject,
        String body,
        String template,
        String relatedType,
        String relatedId,
        Instant createdAt,
        String status,
        Instant sentAt) {

    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + channel + ", " + template + ", " + status + "]";
    }
}
