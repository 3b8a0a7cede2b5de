package ca.gardien.mail;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends queued email through SMTP when {@code spring.mail.host} is set. Runs after the queuing transaction commits;
 * the event publication registry keeps the event until this returns, so a failed send is retried (the ledger's tick
 * resubmits it, and a restart). It holds no transaction of its own while the server talks: {@link OutboxSending}
 * claims, then marks, each in a short one. SMS and internal notices stay in the outbox (an {@link SmsSender} other
 * than the shipped one sends SMS itself). An email queued while no mail server was configured is not sent here when
 * one is configured later: it is held ({@link HeldMail}), and the officer sends it from the outbox if it should still
 * go ({@link HeldMailRelease}) — an old verification code or a weeks-old notice never leaves unasked.
 */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final OutboxSending sending;

    MailDelivery(ObjectProvider<JavaMailSender> sender, OutboxSending sending) {
        this.sender = sender;
        this.sending = sending;
    }

    @Async
    @TransactionalEventListener
    void on(MessageQueued queued) throws MessagingException {
        var smtp = sender.getIfAvailable();
        if (smtp != null) {
            sending.send(queued.messageId(), smtp); // already sent, purged, taken, or not an email: nothing to do
        }
    }
}
