package ca.gardien;

import static ca.gardien.support.Restores.entryLines;
import static ca.gardien.support.Restores.exitCode;
import static ca.gardien.support.Restores.verifyOffline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.ledger.Evidence;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.shared.Actor;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import ca.gardien.support.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documented backup of a PostgreSQL installation (deploy/backup) restored into a fresh database and data directory:
 * the restored ledger verifies, holds every entry of an export taken before the backup and the checkpoint noted then,
 * and goes on from there.
 */
@PostgresTest
@SpringBootTest(
        properties = "gardien.ledger.checkpoint-every-entries=5",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupRestorePostgresTest {

    private static final Path DATA_DIR =
            Path.of("target/test-data/backup-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("gardien.data-dir", DATA_DIR::toString);
    }

    @Autowired
    Environment environment;

    @Autowired
    EvidenceLedger ledger;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path work;

    @Test
    void aBackupRestoredIntoAFreshInstallationVerifiesWithTheCheckpointNotedBeforeAndResumes() throws Exception {
        Assumptions.assumeTrue(installed("pg_dump") && installed("pg_restore"), "pg_dump and pg_restore are needed");
        long before = ledger.status().entries();
        record(12);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.status().entries() >= before + 12);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ledger.status().lastCheckpoint().isPresent());
        var noted = ledger.status().lastCheckpoint().orElseThrow();
        var exported = work.resolve("before.jsonl");
        try (var out = Files.newOutputStream(exported)) {
            ledger.export(out);
        }

        var schema = environment.getProperty("spring.flyway.schemas");
        var base = PostgresCondition.url();
        var backup = work.resolve("backup");
        run(
                "deploy/backup/backup-postgres.sh",
                "--database-url",
                libpq(base),
                "--schema",
                schema,
                "--data-dir",
                dataDir().toString(),
                "--out",
                backup.toString());

        var damaged = work.resolve("damaged");
        Files.createDirectories(damaged);
        for (var file : List.of("data-dir.tar.gz", "database.dump", "manifest.txt")) {
            Files.copy(backup.resolve(file), damaged.resolve(file));
        }
        var dump = Files.readAllBytes(damaged.resolve("database.dump"));
        dump[dump.length / 2] ^= 1;
        Files.write(damaged.resolve("database.dump"), dump);
        assertThat(exitCode(
                        "deploy/backup/restore-postgres.sh",
                        "--backup",
                        damaged.toString(),
                        "--database-url",
                        libpq(base),
                        "--data-dir",
                        work.resolve("never").toString()))
                .as("a dump that does not match the manifest stops the restore before anything is written")
                .isEqualTo(1);
        assertThat(work.resolve("never")).doesNotExist();

        var database = "gardien_restore_" + UUID.randomUUID().toString().replace("-", "");
        PostgresSchema.execute(base, "CREATE DATABASE " + database);
        try {
            var restoredDir = work.resolve("restored-data");
            run(
                    "deploy/backup/restore-postgres.sh",
                    "--backup",
                    backup.toString(),
                    "--database-url",
                    libpq(base).replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"),
                    "--data-dir",
                    restoredDir.toString());
            var url = base.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            try (var restored = new SpringApplicationBuilder(GardienApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + url + "&currentSchema=" + schema,
                            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                            "--spring.datasource.password=",
                            "--spring.flyway.schemas=" + schema,
                            "--gardien.data-dir=" + restoredDir,
                            "--gardien.ledger.checkpoint-every-entries=5")) {
                var restoredLedger = restored.getBean(EvidenceLedger.class);
                assertThat(restoredLedger.verify().valid()).isTrue();

                var after = work.resolve("restored.jsonl");
                try (var out = Files.newOutputStream(after)) {
                    restoredLedger.export(out);
                }
                assertThat(entryLines(after)).startsWith(entryLines(exported).toArray(String[]::new));
                assertThat(verifyOffline(after, "--expect-checkpoint", noted.sequence() + ":" + noted.headHash()))
                        .startsWith("VALID");

                long restoredEntries = restoredLedger.status().entries();
                ApplicationEventPublisher publisher = restored;
                restored.getBean(TransactionTemplate.class)
                        .executeWithoutResult(tx -> publisher.publishEvent(fact("backup.resumed")));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> restoredLedger.status().entries() == restoredEntries + 1);
                assertThat(restoredLedger.verify().valid()).isTrue();
            }
        } finally {
            PostgresSchema.execute(base, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void record(int facts) {
        for (int i = 0; i < facts; i++) {
            transactions.executeWithoutResult(tx -> events.publishEvent(fact("backup.sample")));
        }
    }

    private static Evidence fact(String action) {
        return Evidence.of(Instant.now(), Actor.SYSTEM, action, "backup", UUID.randomUUID(), Map.of());
    }

    private static Path dataDir() {
        return DATA_DIR;
    }

    /** The JDBC test URL as a libpq URI: postgresql://user@host:port/db. */
    private static String libpq(String jdbc) {
        var user = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(jdbc);
        var hostAndDb = jdbc.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
        return "postgresql://" + (user.find() ? user.group(1) + "@" : "") + hostAndDb;
    }

    private static boolean installed(String command) throws Exception {
        var p = new ProcessBuilder("bash", "-c", "command -v " + command).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void run(String... command) throws Exception {
        assertThat(exitCode(command)).as(String.join(" ", command)).isZero();
    }
}
