package ca.gardien.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends queued email through SMTP when {@code spring.mail.host} is set. Runs after the queuing transaction commits;
 * the event publication registry keeps the event until this returns, so a failed send is retried after a restart.
 * SMS and internal notices stay in the outbox (an {@link SmsSender} other than the shipped one sends SMS itself).
 */
@Component
class MailDelivery {

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final Outbox outbox;

    private final OutboxSeal seal;

    MailDelivery(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> sender,
            MailProperties properties,
            Outbox outbox,
            OutboxSeal seal) {
        this.seal = seal;
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(MessageQueued queued) throws MessagingException {
        var smtp = sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        var message = jdbc.sql("SELECT * FROM mail_message WHERE id = ? AND status = 'STORED' AND channel = 'EMAIL'")
                .param(queued.messageId())
                .query((rs, n) -> OutboxRows.message(rs, seal))
                .optional();
        if (message.isEmpty()) {
            return; // already sent, purged, or not an email
        }
        var mime = smtp.createMimeMessage();
        var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.get().recipient());
        helper.setSubject(message.get().subject());
        helper.setText(message.get().body());
        try {
            smtp.send(mime);
        } catch (org.springframework.mail.MailSendException e) {
            if (refusedRecipient(e)) { // final: sending again would be refused again
                outbox.undelivered(queued.messageId(), "FAILED");
                return;
            }
            throw e; // the server may answer later: the event stays and is retried
        }
        markSent(queued.messageId());
    }

    private static boolean refusedRecipient(org.springframework.mail.MailSendException e) {
        return e.getFailedMessages().values().stream()
                .anyMatch(f -> f instanceof jakarta.mail.SendFailedException s
                        && s.getInvalidAddresses() != null
                        && s.getInvalidAddresses().length > 0);
    }

    private void markSent(UUID id) {
        jdbc.sql("UPDATE mail_message SET status = 'SENT', sent_at = ? WHERE id = ?")
                .params(OffsetDateTime.ofInstant(outbox.now(), ZoneOffset.UTC), id)
                .update();
    }
}
