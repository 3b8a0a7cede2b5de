package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.incidents.IncidentDetails;
import ca.gardien.incidents.IncidentKind;
import ca.gardien.incidents.Incidents;
import ca.gardien.shared.Actor;
import ca.gardien.shared.References;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation whose register holds incidents recorded before human references (V37_0) upgrades on H2 and on
 * PostgreSQL: each entry is numbered in the order it was recorded, in the year it was recorded, and the next entry
 * recorded by the current code takes the number after them.
 */
class IncidentReferencesUpgradeTest {

    /** The references came with this version; the installation is migrated up to the one before it. */
    static final MigrationVersion REFERENCES = MigrationVersion.fromVersion("37.0");

    @Test
    void anH2RegisterIsNumberedInTheOrderRecordedAndTheNextEntryFollows() throws Exception {
        var dataDir = Path.of("target/test-data/incident-references-" + UUID.randomUUID())
                .toAbsolutePath();
        var url = "jdbc:h2:file:" + dataDir + "/gardien;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        // the tests' own configuration runs on an in-memory database: this one runs on the upgraded file
        upgrades(url, "sa", "h2", null, dataDir, List.of("--spring.datasource.url=" + url));
    }

    @Test
    @ExtendWith(PostgresCondition.class)
    void aPostgresRegisterIsNumberedInTheOrderRecordedAndTheNextEntryFollows() throws Exception {
        var base = PostgresCondition.url();
        var schema = "gardien_incref_" + UUID.randomUUID().toString().replace("-", "");
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        try {
            var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            var dataDir = Path.of("target/test-data/incident-references-" + UUID.randomUUID())
                    .toAbsolutePath();
            upgrades(
                    url,
                    null,
                    "postgresql",
                    schema,
                    dataDir,
                    List.of(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.password=",
                            "--spring.flyway.schemas=" + schema));
        } finally {
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void upgrades(
            String url, String user, String vendor, String schema, Path dataDir, List<String> appArguments)
            throws Exception {
        var previous = Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (schema != null) {
            previous.schemas(schema);
        }
        previous.target(lastVersionBefore(previous.load())).load().migrate();
        var old = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
        // recorded out of id order, across two years: the migration numbers them by when they were recorded
        var third = insert(old, "2025-06-01T12:00:00Z");
        var first = insert(old, "2024-03-01T12:00:00Z");
        var second = insert(old, "2025-01-10T12:00:00Z");

        var arguments = new ArrayList<>(List.of("--server.port=0", "--gardien.data-dir=" + dataDir));
        arguments.addAll(appArguments);
        try (var current =
                new SpringApplicationBuilder(GardienApplication.class).run(arguments.toArray(String[]::new))) {
            var incidents = current.getBean(Incidents.class);
            assertThat(incidents.get(first).reference()).isEqualTo("I-2024-00001");
            assertThat(incidents.get(second).reference()).isEqualTo("I-2025-00002");
            assertThat(incidents.get(third).reference()).isEqualTo("I-2025-00003");

            var aware = OffsetDateTime.now(ZoneId.of("America/Toronto")).minusHours(2);
            var next = incidents.record(
                    new IncidentDetails(
                            "Synthetic upgrade entry",
                            IncidentKind.LOSS_OR_OTHER_BREACH,
                            null,
                            null,
                            "Recorded after the upgrade",
                            aware.toLocalDate(),
                            null,
                            false,
                            aware,
                            null,
                            null,
                            false,
                            List.of(),
                            List.of()),
                    Actor.SYSTEM);
            var year = current.getBean(ca.gardien.organization.OrganizationTime.class)
                    .today()
                    .getYear();
            assertThat(next.reference()).isEqualTo(References.format("I", year, 4));
            assertThat(incidents.get(next.id()).reference()).isEqualTo(next.reference());
        }
    }

    private static String lastVersionBefore(Flyway flyway) {
        var last = MigrationVersion.EMPTY;
        for (var migration : flyway.info().all()) {
            var version = migration.getVersion();
            if (version != null && version.isNewerThan(last) && REFERENCES.isNewerThan(version)) {
                last = version;
            }
        }
        return last.getVersion();
    }

    private static UUID insert(JdbcClient jdbc, String recordedAt) {
        var id = UUID.randomUUID();
        var at = OffsetDateTime.parse(recordedAt);
        jdbc.sql(
                        "INSERT INTO incident (id, title, status, circumstances, occurred_from, occurred_approximate, aware_at,"
                                + " aware_offset, persons_approximate, systems, categories, public_notice, retain_until,"
                                + " created_at, created_by, version)"
                                + " VALUES (?, 'Synthetic entry', 'OPEN', 'Synthetic circumstances', ?, FALSE, ?, 'Z', FALSE,"
                                + " '', '', FALSE, ?, ?, 'system:gardien', 0)")
                .params(id, at.toLocalDate(), at, at.toLocalDate().plusYears(5), at)
                .update();
        return id;
    }
}
