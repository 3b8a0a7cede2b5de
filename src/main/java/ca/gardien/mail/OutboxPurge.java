package ca.gardien.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
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
    private final OutboxSeal seal;
    private volatile java.time.Instant lastSweep;

    OutboxPurge(JdbcClient jdbc, MailProperties properties, Clock clock, OutboxSeal seal) {
        this.seal = seal;
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

    /**
     * Deletes the rows past the retention and destroys their keys (crypto-shredding: a dump taken while they were kept
     * holds nothing readable of them any more). Returns how many rows were deleted.
     */
    @Transactional
    int purge() {
        var now = clock.instant();
        lastSweep = now;
        var cutoff = OffsetDateTime.ofInstant(now.minus(properties.retention()), ZoneOffset.UTC);
        jdbc.sql("SELECT subject_key FROM mail_message WHERE created_at < ? AND subject_key IS NOT NULL")
                .param(cutoff)
                .query(UUID.class)
                .list()
                .forEach(seal::destroy);
        return jdbc.sql("DELETE FROM mail_message WHERE created_at < ?")
                .param(cutoff)
                .update();
    }

    /** When this node last purged; null before its first purge. */
    java.time.Instant lastSweep() {
        return lastSweep;
    }
}
