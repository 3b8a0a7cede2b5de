package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.connectors.ConnectorRuns;
import ca.gardien.ledger.Evidence;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.requests.RequestTasks;
import ca.gardien.shared.Actor;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation at the schema of the previous release ({@link #PREVIOUS}, with data its code wrote: ledger entries
 * and checkpoints, a connector run that failed with a plain-text reason, a request task with a staff note) starts on
 * the current code: Flyway migrates it, the ledger verifies with the same entries, and the old rows read as before.
 */
@ExtendWith(PostgresCondition.class)
class UpgradePostgresTest {

    /** The last migration of the previous release (main at the previous stop). */
    static final String PREVIOUS = "11.31";

    @Test
    void anInstallationAtThePreviousReleasesSchemaMigratesAndKeepsItsDataAndLedger() throws Exception {
        var base = PostgresCondition.url();
        var dataDir = Path.of("target/test-data/upgrade-" + UUID.randomUUID()).toAbsolutePath();
        var source = schema("gardien_upgrade_src_");
        var upgraded = schema("gardien_upgrade_");
        try {
            // Ledger entries and checkpoints as Gardien writes them (the ledger tables did not change since 11.2).
            long entries;
            try (var writer = node(base, source, dataDir)) {
                var ledger = writer.getBean(EvidenceLedger.class);
                long before = ledger.status().entries();
                var transactions = writer.getBean(TransactionTemplate.class);
                for (int i = 0; i < 12; i++) {
                    transactions.executeWithoutResult(tx -> ((ApplicationEventPublisher) writer)
                            .publishEvent(Evidence.of(
                                    Instant.now(),
                                    Actor.SYSTEM,
                                    "upgrade.sample",
                                    "upgrade",
                                    UUID.randomUUID(),
                                    Map.of())));
                }
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> ledger.status().entries() >= before + 12);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> ledger.status().lastCheckpoint().isPresent());
                entries = ledger.status().entries();
            }

            Flyway.configure()
                    .dataSource(url(base, upgraded), null, null)
                    .schemas(upgraded)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .target(PREVIOUS)
                    .load()
                    .migrate();
            var old = JdbcClient.create(
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(url(base, upgraded)));
            for (var table : new String[] {"ledger_entry", "ledger_checkpoint", "organization_profile", "account"}) {
                // the previous release's columns only: the rows were written by the current code, which has more
                var columns = String.join(
                        ", ",
                        old.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
                                        + " AND table_name = ? ORDER BY ordinal_position")
                                .params(upgraded, table)
                                .query(String.class)
                                .list());
                old.sql("INSERT INTO " + upgraded + "." + table + " (" + columns + ") SELECT " + columns + " FROM "
                                + source + "." + table)
                        .update();
            }
            old.sql("UPDATE " + upgraded
                            + ".ledger_head h SET last_sequence = s.last_sequence, last_hash = s.last_hash,"
                            + " checkpoint_sequence = s.checkpoint_sequence, checkpoint_at = s.checkpoint_at"
                            + " FROM " + source + ".ledger_head s")
                    .update();
            var runId = UUID.randomUUID();
            old.sql(
                            "INSERT INTO connectors_run (id, connector_id, action, status, steps, step_index, step_cursor,"
                                    + " failure, attempts, actor_kind, actor_id, created_at, updated_at)"
                                    + " VALUES (?, 'crm', 'EXPORT', 'FAILED', '[]', 0, 0, ?, 3, 'SYSTEM', 'system', now(), now())")
                    .params(runId.toString(), "cannot connect (SQL state 08001)")
                    .update();
            var requestId = UUID.randomUUID();
            var taskId = UUID.randomUUID();
            old.sql("INSERT INTO requests_request (id, type, status, jurisdiction, channel, language, staff_review,"
                            + " received_at, due_on, updated_at, version)"
                            + " VALUES (?, 'ACCESS', 'IN_PROGRESS', 'QC', 'API', 'fr', 'NOT_REQUIRED', now(),"
                            + " CURRENT_DATE + 30, now(), 0)")
                    .param(requestId)
                    .update();
            old.sql("INSERT INTO requests_task (id, request_id, system_id, status, due_on, opened_at, note)"
                            + " VALUES (?, ?, 'crm', 'OPEN', CURRENT_DATE + 30, now(), 'searched by email')")
                    .params(taskId, requestId)
                    .update();

            try (var current = node(base, upgraded, dataDir)) {
                var jdbc = current.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT MAX(version) FROM flyway_schema_history WHERE success")
                                .query(String.class)
                                .single())
                        .isNotEqualTo(PREVIOUS);
                var ledger = current.getBean(EvidenceLedger.class);
                var report = ledger.verify();
                assertThat(report.valid()).as(report.problem()).isTrue();
                assertThat(report.entries()).isGreaterThanOrEqualTo(entries);
                assertThat(current.getBean(ConnectorRuns.class).status(runId).failure())
                        .isEqualTo("cannot connect (SQL state 08001)");
                assertThat(current.getBean(RequestTasks.class).of(requestId))
                        .singleElement()
                        .satisfies(task -> assertThat(task.note()).isEqualTo("searched by email"));
                // a request received before human references is numbered by the migration, and the next one follows
                var year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
                assertThat(current.getBean(ca.gardien.requests.Requests.class)
                                .get(requestId)
                                .reference())
                        .isEqualTo(ca.gardien.shared.References.format("R", year, 1));
                assertThat(current.getBean(ca.gardien.shared.References.class)
                                .next("R", "requests_reference_seq", year))
                        .isEqualTo(ca.gardien.shared.References.format("R", year, 2));
            }
        } finally {
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + source + " CASCADE");
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + upgraded + " CASCADE");
        }
    }

    private static String schema(String prefix) {
        var name = prefix + UUID.randomUUID().toString().replace("-", "");
        PostgresSchema.execute(PostgresCondition.url(), "CREATE SCHEMA " + name);
        return name;
    }

    private static String url(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static ConfigurableApplicationContext node(String base, String schema, Path dataDir) {
        return new SpringApplicationBuilder(GardienApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url(base, schema),
                        "--spring.datasource.password=",
                        "--spring.flyway.schemas=" + schema,
                        "--gardien.data-dir=" + dataDir,
                        "--gardien.ledger.checkpoint-every-entries=5");
    }
}
