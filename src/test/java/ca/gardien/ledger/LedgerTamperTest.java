package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering done directly in the database — as an administrator or a superuser would — is caught by
 * {@code GET /api/v1/ledger/verify}, at the first sequence that can no longer be trusted.
 */
@SpringBootTest(properties = "gardien.ledger.checkpoint-every-entries=4")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class LedgerTamperTest {

    static final int FACTS = 12;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TokenService tokens;

    @Autowired
    AccountAdministration accounts;

    String bearer;
    long total;

    @BeforeEach
    void ledgerWithFactsAndCheckpoints() {
        var officer = accounts.byUsername("officer").orElseThrow();
        bearer = "Bearer "
                + tokens.issue(officer.id(), "audit", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM)
                        .secret();
        for (int i = 0; i < FACTS; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                    Instant.now(), Actor.SYSTEM, "test.fact", "test", "object-" + n, Map.of("n", String.valueOf(n)))));
        }
        total = FACTS + 2; // + the bootstrap account and the token
        await().atMost(Duration.ofSeconds(20)).until(() -> count() == total);
    }

    @Test
    void reportsAnUntouchedLedgerValid() throws Exception {
        mvc.perform(get("/api/v1/ledger/verify").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(total))
                .andExpect(jsonPath("$.firstInvalidSequence").isEmpty());
    }

    @Test
    void detectsAModifiedEntry() throws Exception {
        tamper(c -> c.createStatement()
                .executeUpdate("UPDATE ledger_entry SET payload = '{\"n\":\"99\"}' WHERE sequence = 6"));
        expectInvalidAt(6);
    }

    @Test
    void detectsADeletedEntry() throws Exception {
        tamper(c -> c.createStatement().executeUpdate("DELETE FROM ledger_entry WHERE sequence = 6"));
        expectInvalidAt(6);
    }

    @Test
    void detectsAnInsertedEntry() throws Exception {
        var fifth = jdbc.queryForObject("SELECT hash FROM ledger_entry WHERE sequence = 5", String.class)
                .trim();
        var forged = TestChains.entry(6, fifth, Instant.parse("2026-11-29T12:00:00Z"), "{\"n\":\"forged\"}");
        tamper(c -> {
            for (long s = total; s >= 6; s--) {
                c.createStatement()
                        .executeUpdate("UPDATE ledger_entry SET sequence = " + (s + 1) + " WHERE sequence = " + s);
            }
            try (var ps = c.prepareStatement("INSERT INTO ledger_entry (sequence, event_id, recorded_at, occurred_at, "
                    + "actor_kind, actor_id, action, object_type, object_id, payload, prev_hash, hash) "
                    + "SELECT 6, ?, recorded_at, occurred_at, actor_kind, actor_id, action, object_type, object_id, ?, "
                    + "prev_hash, ? FROM ledger_entry WHERE sequence = 5")) {
                ps.setObject(1, forged.eventId());
                ps.setString(2, forged.payload());
                ps.setString(3, "f".repeat(64));
                return ps.executeUpdate();
            }
        });
        expectInvalidAt(6);
    }

    @Test
    void detectsReorderedEntries() throws Exception {
        tamper(c -> {
            var s = c.createStatement();
            s.executeUpdate("UPDATE ledger_entry SET sequence = -1 WHERE sequence = 6");
            s.executeUpdate("UPDATE ledger_entry SET sequence = 6 WHERE sequence = 7");
            return s.executeUpdate("UPDATE ledger_entry SET sequence = 7 WHERE sequence = -1");
        });
        expectInvalidAt(6);
    }

    @Test
    void detectsTruncationPastACheckpoint() throws Exception {
        long checkpoint = jdbc.queryForObject("SELECT MAX(sequence) FROM ledger_checkpoint", Long.class);
        assertThat(checkpoint).isGreaterThan(1);
        tamper(c -> c.createStatement().executeUpdate("DELETE FROM ledger_entry WHERE sequence >= " + checkpoint));
        expectInvalidAt(checkpoint);
    }

    void expectInvalidAt(long sequence) throws Exception {
        mvc.perform(get("/api/v1/ledger/verify").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstInvalidSequence").value(Matchers.equalTo((int) sequence)))
                .andExpect(jsonPath("$.problem").isNotEmpty());
    }

    /** Runs the statements on one connection; on PostgreSQL as a superuser who has switched off the triggers. */
    void tamper(ConnectionCallback<Integer> statements) {
        jdbc.execute((ConnectionCallback<Integer>) c -> {
            boolean postgres = isPostgres(c);
            if (postgres) {
                c.createStatement().execute("SET session_replication_role = replica");
            }
            try {
                return statements.doInConnection(c);
            } finally {
                if (postgres) {
                    c.createStatement().execute("SET session_replication_role = DEFAULT");
                }
            }
        });
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
    }
}
