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
import java.nio.file.Files;
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

    @Autowired
    EvidenceLedger ledger;

    @Autowired
    CheckpointLog checkpointLog;

    @Autowired
    LedgerProperties properties;

    String bearer;
    long total;

    @BeforeEach
    void ledgerWithFactsAndCheckpoints() {
        var officer = accounts.byUsername("officer").orElseThrow();
        bearer = "Bearer "
                + tokens.issue(officer.id(), "audit", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM)
                        .secret();
        publishFacts(FACTS);
        total = FACTS + 2; // + the bootstrap account and the token
        await().atMost(Duration.ofSeconds(20)).until(() -> count() == total);
    }

    void publishFacts(int facts) {
        for (int i = 0; i < facts; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                    Instant.now(), Actor.SYSTEM, "test.fact", "test", "object-" + n, Map.of("n", String.valueOf(n)))));
        }
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

    /**
     * The probe's live attack (finding H2): with write access to the database, rename an object in entry 1, re-hash the
     * whole chain, delete the checkpoints and reset the head. Gardien used to sign the forged head with its own key.
     */
    @Test
    void refusesToSignAChainRewrittenInTheDatabaseAndRaisesTheAlarm() throws Exception {
        awaitCheckpointsLogged();
        var forged = new java.util.ArrayList<LedgerEntry>();
        var prev = CanonicalForm.GENESIS_HASH;
        for (var e : ledger.entries(0, 1000)) {
            var f = (e.sequence() == 1 ? ExportFiles.withObjectId(e, "crm-replica") : e).linkedAfter(prev);
            forged.add(f);
            prev = f.hash();
        }
        var forgedHead = prev;
        tamper(c -> {
            try (var ps = c.prepareStatement(
                    "UPDATE ledger_entry SET object_id = ?, prev_hash = ?, hash = ? WHERE sequence = ?")) {
                for (var f : forged) {
                    ps.setString(1, f.objectId());
                    ps.setString(2, f.prevHash());
                    ps.setString(3, f.hash());
                    ps.setLong(4, f.sequence());
                    ps.executeUpdate();
                }
            }
            c.createStatement().executeUpdate("DELETE FROM ledger_checkpoint");
            try (var ps = c.prepareStatement(
                    "UPDATE ledger_head SET last_hash = ?, checkpoint_sequence = 0, checkpoint_at = NULL WHERE id = 1")) {
                ps.setString(1, forgedHead);
                return ps.executeUpdate();
            }
        });

        publishFacts(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> actions().contains("ledger.checkpoint-refused"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count() == total + 4);

        assertThat(checkpointRows()).as("Gardien signed nothing").isZero();
        assertThat(alarmFile()).exists().content().contains("reason=log-checkpoint-missing");
        mvc.perform(get("/api/v1/ledger/verify").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(
                        jsonPath("$.problem").value(Matchers.endsWith("checkpoints were deleted from the database")));
    }

    @Test
    void keepsRefusingUntilAnOperatorRestoresTheCheckpointsAndClearsTheAlarm() throws Exception {
        awaitCheckpointsLogged();
        var backup = jdbc.queryForList("SELECT sequence, head_hash, signed_at, key_id, public_key, signature "
                + "FROM ledger_checkpoint ORDER BY sequence");
        tamper(c -> {
            c.createStatement().executeUpdate("DELETE FROM ledger_checkpoint");
            return c.createStatement()
                    .executeUpdate("UPDATE ledger_head SET checkpoint_sequence = 0, checkpoint_at = NULL WHERE id = 1");
        });
        publishFacts(4); // the next checkpoint is due within 4 entries
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(alarmFile()));

        Files.delete(alarmFile()); // without repairing anything
        publishFacts(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(alarmFile()));
        assertThat(checkpointRows()).isZero();

        for (var row : backup) {
            jdbc.update(
                    "INSERT INTO ledger_checkpoint (sequence, head_hash, signed_at, key_id, public_key, signature) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    row.values().toArray());
        }
        Files.delete(alarmFile());
        publishFacts(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpointRows() == backup.size() + 1);
        assertThat(alarmFile()).doesNotExist();
        mvc.perform(get("/api/v1/ledger/verify").header("Authorization", bearer))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void reportsACheckpointOfTheCheckpointLogThatTheDatabaseLost() throws Exception {
        long last = awaitCheckpointsLogged();
        tamper(c -> c.createStatement().executeUpdate("DELETE FROM ledger_checkpoint WHERE sequence = " + last));
        expectInvalidAt(last);
        mvc.perform(get("/api/v1/ledger/verify").header("Authorization", bearer))
                .andExpect(jsonPath("$.problem")
                        .value("checkpoint " + last + " of the checkpoint log is missing from the database: "
                                + "checkpoints were deleted from the database"));
    }

    /** Waits until the last checkpoint of the database is in the checkpoint log too; returns its sequence. */
    long awaitCheckpointsLogged() {
        long last = jdbc.queryForObject("SELECT MAX(sequence) FROM ledger_checkpoint", Long.class);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> checkpointLog.latest().map(Checkpoint::sequence).orElse(0L) == last);
        return last;
    }

    java.nio.file.Path alarmFile() {
        return properties.keyDirectory().resolve(SigningAlarm.FILE);
    }

    long checkpointRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_checkpoint", Long.class);
    }

    java.util.List<String> actions() {
        return jdbc.queryForList("SELECT action FROM ledger_entry", String.class);
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
