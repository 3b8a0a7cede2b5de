package ca.gardien.mail;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import jakarta.mail.MessagingException;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The officer sends a stored email now, from the outbox: one stored before the mail server was configured, or that the
 * server did not take since ({@link HeldMail}). Never sent by itself: an old verification code or a weeks-old notice
 * leaves only when someone asks. Sent once whatever the clicks ({@link OutboxSending} claims it first); a ledger fact
 * ({@code mail.sent-now}: sent, or refused by the server) with the message's id and the object it is about, never its
 * recipient or text. Refused with a conflict when no mail server is configured, when the message was recorded
 * transmitted another way ({@code WITHDRAWN}, {@link Outbox#withdraw}), when it is not a stored email (sent, refused,
 * bounced, a text or a notice to an account), or when the server did not answer.
 */
@Service
@NamedInterface("actions")
public class HeldMailRelease {

    /** What became of the email. */
    public enum Outcome {
        SENT,
        /** the mail server refused the recipient for good: the message is {@code FAILED} */
        REFUSED
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final OutboxSending sending;
    private final OutboxSeal seal;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    HeldMailRelease(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> smtp,
            OutboxSending sending,
            OutboxSeal seal,
            ApplicationEventPublisher events,
            Outbox outbox,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.sending = sending;
        this.seal = seal;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Sends the stored email {@code id} now, recording that {@code actor} asked it. */
    public Outcome sendNow(UUID id, Actor actor) {
        var message = jdbc.sql("SELECT * FROM mail_message WHERE id = ?")
                .param(id)
                .query((rs, n) -> OutboxRows.message(rs, seal))
                .optional()
                .orElseThrow(() -> new NotFoundException("mail.object.mail-message", id));
        refuseWithdrawn(message.status()); // with a server or not: it was passed on another way
        var server = smtp.getIfAvailable();
        if (server == null) {
            throw new ConflictException("mail.send-now.no-server");
        }
        if (message.channel() != Message.Channel.EMAIL || !"STORED".equals(message.status())) {
            throw new ConflictException("mail.send-now.not-stored");
        }
        OutboxSending.Outcome sent;
        try {
            sent = sending.send(id, server);
        } catch (MailException | MessagingException e) {
            throw new ConflictException("mail.send-now.server-failed"); // still stored: it may be tried again
        }
        if (sent == OutboxSending.Outcome.TAKEN) {
            refuseWithdrawn(jdbc.sql("SELECT status FROM mail_message WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElse(""));
            throw new ConflictException("mail.send-now.not-stored"); // sent meanwhile, by another click or a delivery
        }
        var outcome = sent == OutboxSending.Outcome.SENT ? Outcome.SENT : Outcome.REFUSED;
        var payload = new LinkedHashMap<String, String>();
        payload.put("template", message.template());
        payload.put("outcome", outcome == Outcome.SENT ? "sent" : "refused");
        if (message.relatedType() != null && message.relatedId() != null) {
            payload.put("relatedType", message.relatedType());
            payload.put("relatedId", message.relatedId());
        }
        transactions.executeWithoutResult(s ->
                events.publishEvent(Evidence.of(outbox.now(), actor, "mail.sent-now", "mail-message", id, payload)));
        return outcome;
    }

    /** A message recorded transmitted another way is never sent by Gardien: the officer is told so in words. */
    private static void refuseWithdrawn(String status) {
        if ("WITHDRAWN".equals(status)) {
            throw new ConflictException("mail.send-now.withdrawn");
        }
    }
}
