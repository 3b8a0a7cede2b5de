package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.SchemaUpgrades;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation with submissions and callbacks from before ids were per controller (V40_2) upgrades on H2 and on
 * PostgreSQL: each callback keeps to its submission, another controller may then use the same id, the same controller
 * still may not.
 */
class SubmissionIdsUpgradeTest {

    @Test
    void anH2InstallationKeepsItsCallbacksAndScopesIdsPerController() {
        upgrades("jdbc:h2:mem:oc-ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "h2", null);
    }

    @Test
    @ExtendWith(PostgresCondition.class)
    void aPostgresInstallationKeepsItsCallbacksAndScopesIdsPerController() {
        SchemaUpgrades.inFreshPostgresSchema(
                "gardien_ocids_", (url, schema) -> upgrades(url, null, "postgresql", schema));
    }

    private static void upgrades(String url, String user, String vendor, String schema) {
        var flyway = SchemaUpgrades.flyway(url, user, vendor, schema);
        flyway.target("40.1").load().migrate();
        var jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
        var id = UUID.randomUUID();
        var request = submission(jdbc, id, "controller-b");
        jdbc.sql("INSERT INTO opencompliance_callback (id, subject_request_id, url, request_status, body, attempts,"
                        + " next_attempt_at) VALUES (?, ?, 'https://b.example/callbacks', 'cancelled', '{}', 0, ?)")
                .params(UUID.randomUUID(), id, OffsetDateTime.now())
                .update();

        flyway.target("latest").load().migrate();

        assertThat(jdbc.sql("SELECT request_id FROM opencompliance_callback WHERE subject_request_id = ?")
                        .param(id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(request);
        submission(jdbc, id, "controller-a");
        assertThatThrownBy(() -> submission(jdbc, id, "controller-a"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM opencompliance_request WHERE subject_request_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static UUID submission(JdbcClient jdbc, UUID id, String controller) {
        var request = UUID.randomUUID();
        var now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO opencompliance_request (subject_request_id, request_id, controller_id, regulation,"
                        + " api_version, submitted_time, received_time, expected_completion_time, callback_urls)"
                        + " VALUES (?, ?, ?, 'gdpr', '1.0', ?, ?, ?, NULL)")
                .params(id, request, controller, now, now, now)
                .update();
        return request;
    }
}
