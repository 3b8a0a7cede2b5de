package ca.gardien;

import static ca.gardien.support.Restores.entryLines;
import static ca.gardien.support.Restores.exitCode;
import static ca.gardien.support.Restores.verifyOffline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.ledger.Evidence;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.backup.InstallationBackups;
import ca.gardien.shared.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default backed up while it runs (POST /api/v1/backups) and restored into a fresh data directory with
 * deploy/backup/restore-h2.sh: the restored ledger verifies with the checkpoint noted before the backup, holds every
 * entry exported before it, not the facts recorded after it, and goes on from there.
 */
class EmbeddedBackupRestoreTest {

    @TempDir
    Path work;

    @Test
    void anOnlineBackupRestoredIntoAFreshDataDirectoryVerifiesAndResumes() throws Exception {
        var original = work.resolve("data");
        var restoredDir = work.resolve("restored");
        InstallationBackups.Backup backup;
        Path before = work.resolve("before.jsonl");
        long entriesAtBackup;
        String noted;
        try (var running = node(original)) {
            var ledger = running.getBean(EvidenceLedger.class);
            record(running, 12);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ledger.status().lastCheckpoint().isPresent());
            var checkpoint = ledger.status().lastCheckpoint().orElseThrow();
            noted = checkpoint.sequence() + ":" + checkpoint.headHash();
            try (var out = Files.newOutputStream(before)) {
                ledger.export(out);
            }
            running.getBean(ca.gardien.shared.SubjectKeys.class).create(); // a request's key, say
            backup = running.getBean(InstallationBackups.class).backUp(Actor.SYSTEM);
            assertThat(Files.getPosixFilePermissions(
                            original.resolve(backup.directory()).resolve("data-dir.zip")))
                    .as("the backup holds the keys: readable by Gardien's user only")
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            // the per-subject keys are not in it (crypto-shredding must reach the backups too)
            var zipped = new java.util.ArrayList<String>();
            try (var zip = new java.util.zip.ZipFile(
                    original.resolve(backup.directory()).resolve("data-dir.zip").toFile())) {
                zip.stream().forEach(entry -> zipped.add(entry.getName()));
            }
            assertThat(zipped)
                    .anyMatch(name -> name.startsWith("keys/"))
                    .noneMatch(name -> name.contains("subject-keys"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !ledger.about("backup", backup.directory().substring(8), 1)
                            .isEmpty());
            entriesAtBackup = ledger.status().entries();
            record(running, 3); // after the backup: not in it
        }

        assertThat(exitCode(
                        "deploy/backup/restore-h2.sh",
                        "--backup",
                        original.resolve(backup.directory()).toString(),
                        "--data-dir",
                        restoredDir.toString()))
                .isZero();
        try (var restored = node(restoredDir)) {
            var ledger = restored.getBean(EvidenceLedger.class);
            var report = ledger.verify();
            assertThat(report.valid()).as(report.problem()).isTrue();
            var after = work.resolve("restored.jsonl");
            try (var out = Files.newOutputStream(after)) {
                ledger.export(out);
            }
            assertThat(entryLines(after)).startsWith(entryLines(before).toArray(String[]::new));
            assertThat(ledger.status().entries()).isLessThanOrEqualTo(entriesAtBackup);
            assertThat(verifyOffline(after, "--expect-checkpoint", noted)).startsWith("VALID");

            long restoredEntries = ledger.status().entries();
            record(restored, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.status().entries() > restoredEntries);
            assertThat(ledger.verify().valid()).isTrue();
        }
    }

    @Test
    void theRestoreRefusesADamagedBackupAndANonEmptyDirectory() throws Exception {
        var backup = Files.createDirectories(work.resolve("backup"));
        Files.writeString(backup.resolve("data-dir.zip"), "keys");
        Files.writeString(backup.resolve("database.zip"), "database");
        Files.writeString(
                backup.resolve("manifest.txt"),
                "data-dir.zip sha256: " + "0".repeat(64) + "\ndatabase.zip sha256: " + "0".repeat(64) + "\n");
        assertThat(exitCode(
                        "deploy/backup/restore-h2.sh",
                        "--backup",
                        backup.toString(),
                        "--data-dir",
                        work.resolve("new").toString()))
                .isEqualTo(1);
        assertThat(work.resolve("new")).doesNotExist();
    }

    private static ConfigurableApplicationContext node(Path dataDir) {
        return new SpringApplicationBuilder(GardienApplication.class)
                .run(
                        "--server.port=0",
                        "--gardien.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir
                                + "/gardien;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                        "--gardien.ledger.checkpoint-every-entries=5");
    }

    private static void record(ConfigurableApplicationContext node, int facts) {
        var transactions = node.getBean(TransactionTemplate.class);
        for (int i = 0; i < facts; i++) {
            transactions.executeWithoutResult(tx -> node.publishEvent(Evidence.of(
                    Instant.now(), Actor.SYSTEM, "backup.sample", "backup-sample", UUID.randomUUID(), Map.of())));
        }
    }
}
