package ca.gardien.mail;

import ca.gardien.shared.ProgramGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog: {@code gardien_mail_outbox_waiting} (emails stored more than {@code gardien.mail.held-after} ago
 * and not sent, {@link HeldMail#pastGrace}) and {@code gardien_mail_sender_configured} (1 when an SMTP server is set). Without a sender every email waits by
 * design (the console's outbox page shows them), so the backlog alert needs both.
 */
@Component
class MailMeters implements MeterBinder {

    private final HeldMail held;
    private final Clock clock;

    MailMeters(HeldMail held, Clock clock) {
        this.held = held;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.mail.outbox.waiting",
                "Emails stored longer than gardien.mail.held-after and not sent",
                clock,
                held::pastGrace);
        Gauge.builder("gardien.mail.sender.configured", held, h -> h.deliveryConfigured() ? 1 : 0)
                .strongReference(true)
                .description("1 when an SMTP server is configured, 0 when email stays in the outbox")
                .register(registry);
    }
}
