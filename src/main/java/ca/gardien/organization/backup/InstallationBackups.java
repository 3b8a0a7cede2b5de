package ca.gardien.organization.backup;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online backup of the embedded installation (H2): the data directory's keys, checkpoint log and packages first,
 * then the database through H2's {@code BACKUP TO} (a consistent copy taken while Gardien runs), and a manifest with
 * both files' SHA-256, under {@code <data dir>/backups/<time>/}. In that order the database holds every checkpoint
 * the archived log names (docs/backup.md). On PostgreSQL, {@code pg_dump} does the database's part
 * (deploy/backup/backup-postgres.sh).
 */
@Service
public class InstallationBackups {

    /** A backup made: the directory and its files with their SHA-256. */
    public record Backup(String directory, String takenAt, List<BackupFile> files) {}

    public record BackupFile(String name, long bytes, String sha256) {}

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Path dataDir;
    private final Path subjectKeys;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    InstallationBackups(
            DataSource dataSource,
            JdbcClient jdbc,
            @Value("${gardien.data-dir}") Path dataDir,
            @Value("${gardien.subject-keys.directory}") Path subjectKeys,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.subjectKeys = subjectKeys.toAbsolutePath().normalize();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Makes a backup now.
     *
     * @throws ConflictException when the database is not the embedded one on disk, or a backup is being made
     */
    public Backup backUp(Actor actor) {
        if (!embeddedOnDisk()) {
            throw new ConflictException("organization.conflict.backup-not-embedded");
        }
        if (!oneAtATime.tryLock()) {
            throw new ConflictException("organization.conflict.backup-running");
        }
        try {
            var now = clock.instant();
            var directory = dataDir.resolve("backups").resolve(NAME.format(now.atOffset(ZoneOffset.UTC)));
            Files.createDirectories(directory.getParent());
            // the backup holds the keys: only Gardien's user may read it, as its key directory
            Files.createDirectory(directory);
            restrict(directory, "rwx------");
            var files = new ArrayList<BackupFile>();
            files.add(file(zipDataDirectory(directory.resolve("data-dir.zip"))));
            var database = directory.resolve("database.zip");
            jdbc.sql("BACKUP TO '" + database.toString().replace("'", "''") + "'")
                    .update();
            files.add(file(database));
            var manifest = new StringBuilder("gardien-backup: h2\ntaken-at: " + now + "\n");
            files.forEach(f -> manifest.append(f.name())
                    .append(" sha256: ")
                    .append(f.sha256())
                    .append('\n'));
            Files.writeString(directory.resolve("manifest.txt"), manifest, StandardCharsets.UTF_8);
            for (var name : List.of("data-dir.zip", "database.zip", "manifest.txt")) {
                restrict(directory.resolve(name), "rw-------");
            }

            var payload = new LinkedHashMap<String, String>();
            files.forEach(f -> payload.put(f.name().replace(".zip", "") + "Sha256", f.sha256()));
            transactions.executeWithoutResult(tx -> events.publishEvent(
                    Evidence.of(now, actor, "organization.backup-made", "backup", directory.getFileName(), payload)));
            return new Backup(dataDir.relativize(directory).toString(), now.toString(), List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            oneAtATime.unlock();
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private boolean embeddedOnDisk() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return "H2".equals(meta.getDatabaseProductName()) && meta.getURL().startsWith("jdbc:h2:file:");
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Everything in the data directory but the database files, earlier backups and the per-subject keys: a backup that
     * held those keys beside the sealed values would stay readable after a crypto-shredding (docs/backup.md).
     */
    private Path zipDataDirectory(Path zip) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(zip));
                var walk = Files.walk(dataDir)) {
            for (var path : walk.filter(Files::isRegularFile).sorted().toList()) {
                var relative = dataDir.relativize(path).toString().replace('\\', '/');
                if (relative.startsWith("backups/")
                        || relative.endsWith(".mv.db")
                        || relative.endsWith(".trace.db")
                        || path.toAbsolutePath().normalize().startsWith(subjectKeys)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(relative));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static BackupFile file(Path path) throws IOException {
        return new BackupFile(
                path.getFileName().toString(), Files.size(path), Digests.sha256Hex(Files.newInputStream(path)));
    }
}
