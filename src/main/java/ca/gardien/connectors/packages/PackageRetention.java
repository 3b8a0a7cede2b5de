package ca.gardien.connectors.packages;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.runs.RunPackageMarks;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.SubjectKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes export packages once they have served. A package is kept {@code package-retention} (30 days) after its run
 * ended — time for the request that asked for it to take its copy — then its subject key is destroyed ({@link
 * PackageFiles}: every copy of the file, wherever it is, becomes unreadable), each node deletes the package files it
 * holds, and the first node to do either for a run records {@code connectors.package.deleted} (run, package SHA-256,
 * whether a key was destroyed) in the ledger. A file without a run (a start that rolled back, a crash while writing)
 * goes after the same time.
 */
@Component
public class PackageRetention {

    private static final Logger log = LoggerFactory.getLogger(PackageRetention.class);

    private final RunStore store;
    private final RunPackageMarks marks;
    private final ConnectorsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SubjectKeys keys;
    private final Clock clock;
    private volatile Instant lastSweep;

    PackageRetention(
            RunStore store,
            RunPackageMarks marks,
            ConnectorsProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            SubjectKeys keys,
            Clock clock) {
        this.store = store;
        this.marks = marks;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${gardien.connectors.package-sweep-every:1h}",
            initialDelayString = "${gardien.connectors.package-sweep-every:1h}")
    public void sweep() {
        sweep(clock.instant());
    }

    /**
     * Destroys the keys of the packages past their retention at {@code now} (every copy of them, on any node's disk or
     * in a backup, becomes unreadable), then deletes this node's files of them; returns how many files went.
     */
    public int sweep(Instant now) {
        lastSweep = now;
        var cutoff = now.minus(properties.packageRetention());
        destroyKeys(cutoff, now);
        var directory = properties.packageDirectory();
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (var files = Files.list(directory)) {
            for (var file : files.toList()) {
                var id = runOf(file);
                if (id == null) {
                    continue;
                }
                var run = store.find(id).orElse(null);
                if (expired(run, file, cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                    if (run != null) recordOnce(run, now, false);
                }
            }
        } catch (IOException e) {
            log.warn("Export packages could not all be swept: {}", e.getClass().getSimpleName());
        }
        return deleted;
    }

    /** Destroys the package keys of the runs ended before {@code cutoff}, wherever their packages are. */
    private void destroyKeys(Instant cutoff, Instant now) {
        for (var id : marks.withPackageKey()) {
            var run = store.find(id).orElse(null);
            if (run != null && expired(run, cutoff)) {
                marks.packageKey(id).ifPresent(keys::shred);
                marks.keyDestroyed(id);
                recordOnce(run, now, true);
            }
        }
    }

    private boolean expired(StoredRun run, Path file, Instant cutoff) throws IOException {
        if (run == null) {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        }
        return expired(run, cutoff);
    }

    private static boolean expired(StoredRun run, Instant cutoff) {
        return run.status().ended() && run.updatedAt().isBefore(cutoff);
    }

    private void recordOnce(StoredRun run, Instant now, boolean keyDestroyed) {
        transactions.executeWithoutResult(s -> {
            if (marks.packageDeleted(run.id(), now)) {
                var payload = new java.util.HashMap<String, String>();
                payload.put(
                        "retentionDays",
                        String.valueOf(properties.packageRetention().toDays()));
                if (keyDestroyed) payload.put("packageKey", "destroyed");
                if (run.packageSha256() != null) payload.put("packageSha256", run.packageSha256());
                events.publishEvent(Evidence.of(
                        now,
                        Actor.SYSTEM,
                        "connectors.package.deleted",
                        "connector-run",
                        run.id(),
                        Map.copyOf(payload)));
            }
        });
    }

    /** When this node last swept; null before its first sweep. */
    Instant lastSweep() {
        return lastSweep;
    }

    /** The run a package file belongs to ({@code <run>.json} or {@code <run>.<writer>.json.part}), or null. */
    private static UUID runOf(Path file) {
        var name = file.getFileName().toString();
        var dot = name.indexOf('.');
        try {
            return dot == 36 ? UUID.fromString(name.substring(0, dot)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
