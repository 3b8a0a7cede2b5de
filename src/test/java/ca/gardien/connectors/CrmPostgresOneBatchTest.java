package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance scenario again with the production batch size: each person is held whole, walked and changed in one
 * target transaction that commits once the collection is recorded (the tests' batch size of 2 spills the keys to
 * Gardien's database and splits the work into many transactions instead). On PostgreSQL the walk asks a hop's queries
 * and the batch sends its statements in one round trip each.
 */
@TestPropertySource(properties = "gardien.connectors.batch-size=500")
class CrmPostgresOneBatchTest extends CrmPostgresTest {

    @Test
    void aStatementFailingInAPipelinedBatchIsNamedAndNothingIsChanged() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) { // the database refuses to delete addresses
            s.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$"
                    + " LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER keep_addresses BEFORE DELETE ON address FOR EACH ROW EXECUTE FUNCTION refuse()");
        }
        var before = crm.snapshot();
        var run = UUID.fromString(
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.status(run).failure() != null);

        assertThat(runs.status(run).failure())
                .as("the batch is run again statement by statement to name the failing step")
                .matches(
                        "step \\d+ \\(deletion\\), table address: the database answered with an error \\(SQL state P0001\\)");
        assertThat(crm.snapshot()).isEqualTo(before);
    }
}
