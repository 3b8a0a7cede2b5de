package ca.gardien.mail;

import ca.gardien.shared.ProgramGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog: {@code gardien_mail_outbox_waiting} (emails stored more than {@code gardien.mail.held-after} ago
 * and not sent, as {@link HeldMail} counts them held)
 * and {@code gardien_mail_sender_configured} (1 when an SMTP server is set). Without a sender every email waits by
 * design (the console's outbox page shows them), so the backlog alert needs both.
 */
@Component
class MailMeters implements MeterBinder {

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    private final Duration grace;

    MailMeters(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, Clock clock, MailProperties properties) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.clock = clock;
        this.grace = properties.heldAfter();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.mail.outbox.waiting",
                "Emails stored longer than gardien.mail.held-after and not sent",
                clock,
                () -> jdbc.sql("SELECT COUNT(*) FROM mail_message"
                                + " WHERE status = 'STORED' AND channel = 'EMAIL' AND created_at < ?")
                        .param(Timestamp.from(clock.instant().minus(grace)))
                        .query(Long.class)
                        .single());
        Gauge.builder("gardien.mail.sender.configured", smtp, s -> s.getIfAvailable() == null ? 0 : 1)
                .strongReference(true)
                .description("1 when an SMTP server is configured, 0 when email stays in the outbox")
                .register(registry);
    }
}
