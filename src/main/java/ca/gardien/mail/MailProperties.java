package ca.gardien.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail module. SMTP itself is Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host}
 * messages stay in the outbox.
 *
 * @param from the sender address of outgoing email
 * @param retention how long outbox rows (which hold personal information) are kept
 * @param purgeEvery how often old rows are deleted
 * @param keyDirectory where the key of the recipients' digests lives (shared by all nodes)
 * @param heldAfter how long an email may stay stored once a mail server is configured before it counts as held (not
 *     left): stored before the server was configured, or not taken by it since ({@link HeldMail})
 */
@ConfigurationProperties("gardien.mail")
record MailProperties(
        @DefaultValue("gardien@localhost") String from,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeEvery,
        java.nio.file.Path keyDirectory,
        @DefaultValue("5m") Duration heldAfter) {

    MailProperties {
        if (heldAfter.isNegative()) {
            throw new IllegalArgumentException("gardien.mail.held-after must not be negative");
        }
    }
}
