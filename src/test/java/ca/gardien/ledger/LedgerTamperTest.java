package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tampering done directly in the database — as an administrator or a superuser would — is caught by
 * {@code GET /api/v1/ledger/verify}, at the first sequence that can no longer be trusted.
 */
class LedgerTamperTest extends TamperedLedger {

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
}
