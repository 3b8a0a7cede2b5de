package ca.gardien.ledger;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the evidence ledger.
 *
 * @param keyDirectory where the Ed25519 checkpoint key, the checkpoint log and the signing alarm live (shared by all
 *     nodes of a cluster)
 * @param checkpointEveryEntries sign the head at least every this many entries
 * @param checkpointEvery and at least this often while entries arrive
 * @param maxBatch most appends grouped into one transaction (also the margin by which a checkpoint may overshoot
 *     {@code checkpointEveryEntries}, which the verifiers allow)
 * @param queueCapacity appends waiting for the writer before callers are refused
 * @param tick how often the time rule is applied when no entry arrives (and other modules' stalled events re-delivered)
 * @param checkpointTimeMargin how far the clocks of two nodes may differ; {@code GET /api/v1/ledger/verify} also adds
 *     {@code tick} to it before calling unsigned entries overdue
 * @param tsaUrl the RFC 3161 time-stamping authority to timestamp each checkpoint with; none by default
 * @param tsaTimeout how long one request to it may take (connection and answer each)
 */
@ConfigurationProperties("gardien.ledger")
record LedgerProperties(
        Path keyDirectory,
        @DefaultValue("1000") int checkpointEveryEntries,
        @DefaultValue("5m") Duration checkpointEvery,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("100000") int queueCapacity,
        @DefaultValue("30s") Duration tick,
        @DefaultValue("1m") Duration checkpointTimeMargin,
        URI tsaUrl,
        @DefaultValue("10s") Duration tsaTimeout) {

    LedgerProperties {
        if (checkpointEveryEntries < 1 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("gardien.ledger counts must be positive");
        }
        if (tsaUrl != null && !("https".equals(tsaUrl.getScheme()) || "http".equals(tsaUrl.getScheme()))) {
            throw new IllegalArgumentException("gardien.ledger.tsa-url must be an http or https URL");
        }
    }

    /** Test and benchmark settings: the schedule, and defaults for the rest. */
    static LedgerProperties of(Path keyDirectory, int everyEntries, Duration every, int maxBatch, int queueCapacity) {
        return new LedgerProperties(
                keyDirectory,
                everyEntries,
                every,
                maxBatch,
                queueCapacity,
                Duration.ofSeconds(30),
                Duration.ofMinutes(1),
                null,
                Duration.ofSeconds(10));
    }

    /** The schedule the online verifier holds the database to: unsigned entries are overdue after a tick too. */
    Cadence cadence() {
        return new Cadence(checkpointEveryEntries, maxBatch, checkpointEvery, checkpointTimeMargin.plus(tick), null);
    }
}
