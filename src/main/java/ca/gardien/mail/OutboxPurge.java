package ca.gardien.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes outbox rows older than the retention: they hold addresses and text. Idempotent, so every node may run it. */
@Component
class OutboxPurge {

    private final JdbcClient jdbc;
    private final MailProperties properties;
    private final Clock clock;

    OutboxPurge(JdbcClient jdbc, MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${gardien.mail.purge-every:1h}",
            initialDelayString = "${gardien.mail.purge-every:1h}")
    void scheduled() {
        purge();
    }

    /** Returns how many rows were deleted. */
    @Transactional
    int purge() {
        var cutoff = OffsetDateTime.ofInstant(clock.instant().minus(properties.retention()), ZoneOffset.UTC);
        return jdbc.sql("DELETE FROM mail_message WHERE created_at < ?")
                .param(cutoff)
                .update();
    }
}
