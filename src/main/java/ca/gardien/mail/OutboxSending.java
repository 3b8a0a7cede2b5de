package ca.gardien.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands one stored email to the mail server, once: the message is claimed first by a conditional update committed on
 * its own ({@code claimed_at}), so that a delivery and the officer's « send now », or two clicks, send it once; a claim
 * older than {@link #CLAIM} (a node that stopped mid-send) may be taken again. Sent, it is {@code SENT} and
 * {@link MessageSent} is published; refused for good, {@code FAILED}; any other failure releases the claim and is
 * thrown (the message stays stored).
 */
@Component
class OutboxSending {

    /** How long a claim keeps another sender off. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    enum Outcome {
        SENT,
        /** the mail server refused the recipient for good ({@code FAILED}) */
        REFUSED,
        /** not sent here: not a stored email, or another sender holds it */
        TAKEN
    }

    private final JdbcClient jdbc;
    private final OutboxSeal seal;
    private final MailProperties properties;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate own;

    OutboxSending(
            JdbcClient jdbc,
            OutboxSeal seal,
            MailProperties properties,
            Outbox outbox,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.properties = properties;
        this.outbox = outbox;
        this.events = events;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Outcome send(UUID id, JavaMailSender smtp) throws MessagingException {
        if (!claim(id)) {
            return Outcome.TAKEN;
        }
        try {
            var message = jdbc.sql("SELECT * FROM mail_message WHERE id = ?")
                    .param(id)
                    .query((rs, n) -> OutboxRows.message(rs, seal))
                    .single();
            var mime = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            smtp.send(mime);
            sent(message);
            return Outcome.SENT;
        } catch (MailSendException e) {
            if (refusedRecipient(e)) { // final: sending again would be refused again
                own.executeWithoutResult(s -> outbox.undelivered(id, "FAILED"));
                return Outcome.REFUSED;
            }
            release(id);
            throw e; // the server may answer later
        } catch (MessagingException | RuntimeException e) {
            release(id);
            throw e;
        }
    }

    /** Takes the message for this sender: true when it is a stored email no other sender holds. */
    private boolean claim(UUID id) {
        var now = outbox.now();
        Integer claimed = own.execute(s -> jdbc.sql("UPDATE mail_message SET claimed_at = ? WHERE id = ?"
                        + " AND status = 'STORED' AND channel = 'EMAIL' AND (claimed_at IS NULL OR claimed_at < ?)")
                .params(utc(now), id, utc(now.minus(CLAIM)))
                .update());
        return claimed != null && claimed == 1;
    }

    private void release(UUID id) {
        own.executeWithoutResult(s -> jdbc.sql("UPDATE mail_message SET claimed_at = NULL WHERE id = ?")
                .param(id)
                .update());
    }

    private void sent(OutboxMessage message) {
        var at = outbox.now();
        own.executeWithoutResult(s -> {
            jdbc.sql("UPDATE mail_message SET status = 'SENT', sent_at = ?, claimed_at = NULL WHERE id = ?")
                    .params(utc(at), message.id())
                    .update();
            events.publishEvent(
                    new MessageSent(message.id(), message.template(), message.relatedType(), message.relatedId(), at));
        });
    }

    private static boolean refusedRecipient(MailSendException e) {
        return e.getFailedMessages().values().stream()
                .anyMatch(f -> f instanceof jakarta.mail.SendFailedException s
                        && s.getInvalidAddresses() != null
                        && s.getInvalidAddresses().length > 0);
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
