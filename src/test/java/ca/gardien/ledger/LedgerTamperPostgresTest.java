package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The same tampering on PostgreSQL, where the application's own writes to the ledger are refused outright. */
@PostgresTest
class LedgerTamperPostgresTest extends LedgerTamperTest {

    @Test
    void refusesUpdatesOfLedgerRowsFromTheApplication() {
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_entry SET action = 'rewritten' WHERE sequence = 1"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void refusesDeletesOfLedgerRowsFromTheApplication() {
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry WHERE sequence = 1"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
    }

    /** The least-privilege grants the README documents for the application role, exercised for real. */
    @Test
    void deniesRewritesToAnApplicationRoleWithTheDocumentedGrants() throws Exception {
        var schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        var role = "gardien_app_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("CREATE ROLE " + role + " LOGIN");
        try {
            jdbc.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
            jdbc.execute("REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry, ledger_checkpoint FROM " + role);
            var url = ca.gardien.support.PostgresCondition.url().replaceAll("user=[^&]+", "user=" + role)
                    + "&currentSchema=" + schema;
            try (var c = java.sql.DriverManager.getConnection(url);
                    var st = c.createStatement()) {
                org.assertj.core.api.Assertions.assertThat(st.executeQuery("SELECT COUNT(*) FROM ledger_entry")
                                .next())
                        .isTrue();
                assertThatThrownBy(() -> st.executeUpdate("UPDATE ledger_entry SET action = 'x'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM ledger_entry"))
                        .hasMessageContaining("permission denied");
            }
        } finally {
            jdbc.execute("DROP OWNED BY " + role);
            jdbc.execute("DROP ROLE " + role);
        }
    }

    @Test
    void refusesTruncationOfTheLedger() {
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE ledger_entry")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void refusesCheckpointChanges() {
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_checkpoint"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
    }
}
