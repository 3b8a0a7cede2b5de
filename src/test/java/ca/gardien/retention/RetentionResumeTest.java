package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.connectors.ExpirySweeps;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node that stopped between a batch's commit on the target and its count in Gardien, or before the target committed:
 * another node resumes the run from its checkpoint, counts the committed batch exactly once and sweeps the other again,
 * so the end state and the certificate's counts are those of an uninterrupted run.
 */
class RetentionResumeTest extends PlantedShop {

    @Autowired
    RetentionRunStore store;

    @Autowired
    RetentionSchedules schedules;

    @Autowired
    ExpirySweeps sweeps;

    @Autowired
    JdbcTemplate gardienDb;

    @Autowired
    Clock clock;

    /** A real run of {@code orders} recorded and claimed by a node that then stops after one batch. */
    private RetentionRun stoppedAfterOneBatch(boolean targetCommits) throws Exception {
        var officer = officerBearer();
        var dry = awaitRun(officer, startRun(officer, "orders", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        var schedule = schedules.get("orders");
        var table = schedule.tables().getFirst();
        var cutoff = schedule.cutoff(clock, java.time.ZoneId.of("America/Toronto"));
        var now = Instant.now();
        var recorded = new RetentionRun(
                UUID.randomUUID(),
                "orders",
                schedule.scope(),
                false,
                RetentionRun.Status.RUNNING,
                cutoff,
                "test:node",
                now,
                null,
                100,
                new RetentionRun.Counts(
                        List.of(new RetentionRun.TableCount(table.key(), 100, Map.of(), Map.of(), 0, 0))),
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
        store.insert(recorded);
        // the stopped node holds a lease that has not expired yet: nobody resumes the run meanwhile
        var run = store.claim(recorded.id(), now, now.plusSeconds(60)).orElseThrow();
        var sweep = sweeps.open(
                new ExpirySweeps.Target(table.connector(), table.table(), table.triggerColumn(), false),
                Map.of(),
                java.util.Set.of(),
                Actor.SYSTEM,
                false);
        if (targetCommits) {
            sweep.next(null, 7, cutoff, false, b -> store.pending(run, 0, b, now.plusSeconds(60)));
        } else {
            assertThatThrownBy(() -> sweep.next(null, 7, cutoff, false, b -> {
                        store.pending(run, 0, b, now.plusSeconds(60));
                        throw new IllegalStateException("the node stops before the target commits");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        return run;
    }

    private String resumed(RetentionRun run) throws Exception {
        gardienDb.update(
                "UPDATE retention_run SET lease_until = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                run.id());
        return awaitRun(officerBearer(), run.id().toString());
    }

    @Test
    void aBatchCommittedOnTheTargetButNotCountedIsCountedOnceOnResuming() throws Exception {
        var before = shop.snapshot();
        var run = stoppedAfterOneBatch(true);
        assertThat(shop.snapshot().get("orders")).hasSize(193); // the first batch of 7 is gone
        var done = resumed(run);
        assertThat((Integer) JsonPath.read(done, "$.swept")).isEqualTo(100);
        assertThat(shop.snapshot().get("orders"))
                .isEqualTo(RetentionShop.without(before.get("orders"), o -> Integer.parseInt(o.get("id")) % 2 == 0));
        assertThat(String.valueOf(ledgerEntries(officerBearer()))).contains("retention.run.resumed");
    }

    @Test
    void aBatchTheTargetNeverCommittedIsSweptAgainAndCountedOnce() throws Exception {
        var before = shop.snapshot();
        var run = stoppedAfterOneBatch(false);
        assertThat(shop.snapshot()).isEqualTo(before);
        var done = resumed(run);
        assertThat((Integer) JsonPath.read(done, "$.swept")).isEqualTo(100);
        assertThat(shop.snapshot().get("orders"))
                .isEqualTo(RetentionShop.without(before.get("orders"), o -> Integer.parseInt(o.get("id")) % 2 == 0));
    }

    @Test
    void aNodeThatLostItsLeaseCannotRecordABatchAndItsTargetTransactionRollsBack() throws Exception {
        var before = shop.snapshot();
        var run = stoppedAfterOneBatch(false);
        gardienDb.update("UPDATE retention_run SET lease_generation = lease_generation + 1 WHERE id = ?", run.id());
        var schedule = schedules.get("orders");
        var table = schedule.tables().getFirst();
        var sweep = sweeps.open(
                new ExpirySweeps.Target(table.connector(), table.table(), table.triggerColumn(), false),
                Map.of(),
                java.util.Set.of(),
                Actor.SYSTEM,
                false);
        assertThatThrownBy(() -> sweep.next(null, 7, run.cutoff(), false, b -> store.pending(run, 0, b, Instant.now())))
                .isInstanceOf(RetentionRunStore.LeaseLost.class);
        assertThat(shop.snapshot()).as("the fenced-out node changed nothing").isEqualTo(before);
        gardienDb.update("UPDATE retention_run SET status = 'FAILED' WHERE id = ?", run.id());
    }

    @Test
    void aRunWhoseRuleChangedWhileItWasStoppedFailsWithoutSweepingAndIsStillCertified() throws Exception {
        var before = shop.snapshot();
        var run = stoppedAfterOneBatch(false);
        annotate(RetentionShop.ANNOTATIONS
                .formatted(connector)
                .replace("triggerColumn: closed_at", "triggerColumn: CLOSED_AT"));
        gardienDb.update(
                "UPDATE retention_run SET lease_until = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                run.id());
        var officer = officerBearer();
        var failed = new String[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    failed[0] = call(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                            "/api/v1/retention/runs/" + run.id())
                                    .header("Authorization", officer),
                            200);
                    return "FAILED".equals(JsonPath.read(failed[0], "$.status"));
                });
        assertThat((String) JsonPath.read(failed[0], "$.failure")).contains("changed in the data map");
        assertThat(shop.snapshot())
                .as("nothing swept under a rule nobody approved")
                .isEqualTo(before);
        call(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/retention/runs/" + run.id() + "/certificate")
                        .header("Authorization", officer),
                200);
    }
}
