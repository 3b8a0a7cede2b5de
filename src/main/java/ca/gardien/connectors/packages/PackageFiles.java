package ca.gardien.connectors.packages;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.PackageGoneException;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.RunState;
import ca.gardien.connectors.engine.ReferenceGraph;
import ca.gardien.connectors.runs.RunPackageMarks;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.SubjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where a run's export package is and the key it is sealed under: the one way to write, open and find a package. A
 * package holds the person's rows as the organization's databases hold them, so it is sealed under a subject key of its
 * own ({@link SubjectKeys}, created at the run's first export attempt and named in the run); {@link PackageRetention}
 * destroys that key with the package, which makes every copy of the file unreadable — on another node's disk and in
 * backups of the package directory.
 */
@Component
public class PackageFiles {

    private final ConnectorsProperties properties;
    private final RunPackageMarks marks;
    private final SubjectKeys keys;
    private final RunStore store;

    PackageFiles(ConnectorsProperties properties, RunPackageMarks marks, SubjectKeys keys, RunStore store) {
        this.properties = properties;
        this.marks = marks;
        this.keys = keys;
        this.store = store;
    }

    /** A writer of the run's package, sealed under the run's package key (created now at the first attempt). */
    public PackageWriter writer(StoredRun run, ReferenceGraph graph) {
        var key = keys.key(marks.packageKey(run, keys::create));
        return new PackageWriter(properties.packageDirectory(), run.id(), run.connector(), graph, key);
    }

    /**
     * The export package of a completed EXPORT run, in clear as it is read (it is stored sealed under the run's
     * package key). The caller closes it.
     *
     * @throws PackageGoneException once the package was deleted after its retention, or its key destroyed
     */
    public InputStream openCompleted(UUID runId) {
        var run = store.find(runId).orElseThrow(() -> new NotFoundException("connectors.object.run", runId));
        var here = exists(runId);
        if (!here && marks.packageGone(runId)) {
            throw new PackageGoneException(properties.packageRetention());
        }
        if (run.action() != RunAction.EXPORT || run.status() != RunState.COMPLETED) {
            throw new ConflictException("connectors.conflict.no-package");
        }
        if (!here) { // written by a node whose package directory this node does not see
            throw new ConflictException("connectors.conflict.package-elsewhere");
        }
        InputStream content;
        try {
            content = open(runId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the export package", e);
        }
        if (content == null) { // its key destroyed: the copy of the file left here is unreadable
            throw new PackageGoneException(properties.packageRetention());
        }
        return content;
    }

    /** Whether this node sees the run's package. */
    public boolean exists(UUID runId) {
        return Files.exists(file(runId));
    }

    /**
     * The run's package in clear as it is read, or null once its key was destroyed (the package is gone even where a
     * copy of the file remains). A package written before packages were sealed is read as it is.
     */
    public InputStream open(UUID runId) throws IOException {
        var key = marks.packageKey(runId);
        return keys.key(key.orElse(null)).opening(Files.newInputStream(file(runId)));
    }

    /** Deletes this node's copy of the run's package (a run whose completion could not be recorded). */
    public void delete(UUID runId) throws IOException {
        Files.deleteIfExists(file(runId));
    }

    private Path file(UUID runId) {
        return PackageWriter.file(properties.packageDirectory(), runId);
    }
}
