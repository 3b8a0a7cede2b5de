package ca.gardien.ledger;

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
 * A ledger of a dozen facts with checkpoints every 4 entries, and the means to tamper with it directly in the database
 * — as an administrator or a superuser would — for {@link LedgerTamperTest} and {@link LedgerRewriteAlarmTest}.
 */
@SpringBootTest(properties = "gardien.ledger.checkpoint-every-entries=4")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
abstract class TamperedLedger {

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
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE action = 'test.fact'", Long.class)
                                == FACTS);
        total = settled(); // + the first start's facts (bootstrap account, seeded policy ...) and the token
    }

    /** The number of entries once it stops changing: every fact published so far is appended. */
    long settled() {
        long seen = count();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = count();
            if (now == seen) {
                return now;
            }
            seen = now;
        }
        return seen;
    }

    void publishFacts(int facts) {
        for (int i = 0; i < facts; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> events.publishEvent(Evidence.of(
                    Instant.now(), Actor.SYSTEM, "test.fact", "test", "object-" + n, Map.of("n", String.valueOf(n)))));
        }
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
