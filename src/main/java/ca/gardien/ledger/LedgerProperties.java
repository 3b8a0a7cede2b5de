package ca.gardien.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the evidence ledger.
 *
 * @param keyDirectory where the Ed25519 checkpoint key lives (shared by all nodes of a cluster)
 * @param checkpointEveryEntries sign the head at least every this many entries
 * @param checkpointEvery and at least this often while entries arrive
 * @param maxBatch most appends grouped into one transaction
 * @param queueCapacity appends waiting for the writer before callers are refused
 */
@ConfigurationProperties("gardien.ledger")
record LedgerProperties(
        Path keyDirectory,
        @DefaultValue("1000") int checkpointEveryEntries,
        @DefaultValue("5m") Duration checkpointEvery,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("100000") int queueCapacity) {

    LedgerProperties {
        if (checkpointEveryEntries < 1 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("gardien.ledger counts must be positive");
        }
    }
}
