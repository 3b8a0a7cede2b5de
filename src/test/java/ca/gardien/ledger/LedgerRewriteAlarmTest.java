package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Probe finding H2, live: whoever rewrites the ledger in the database cannot get the rewrite signed. Gardien refuses to
 * sign a head whose history no longer links to the last checkpoint of its checkpoint log, raises the alarm, and
 * {@code GET /api/v1/ledger/verify} reports checkpoints the database lost.
 */
class LedgerRewriteAlarmTest extends TamperedLedger {

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
}
