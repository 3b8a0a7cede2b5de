package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database outage during a run: the failure shows in the status, retries back off, and the run ends once it is back. */
class RunRetryTest extends ConnectorTestSupport {

    @TempDir
    Path dir;

    @Test
    void aRunSurvivesADatabaseOutageShowingTheFailureWhileItRetries() throws Exception {
        var live = dir.resolve("live");
        var away = dir.resolve("away");
        Files.createDirectories(live);
        Files.createDirectories(away);
        var file = live.resolve("crm").toString();
        var crm = new CrmDatabase("jdbc:h2:file:" + file, "sa", "");
        crm.create();
        crm.plant();
        var connector = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, "jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        var before = crm.snapshot();
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        Files.move(live.resolve("crm.mv.db"), away.resolve("crm.mv.db"));

        var run =
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        var officer = officerBearer();
        var failing = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officer))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        body -> JsonPath.read(body, "$.failure") != null);
        assertThat(JsonPath.<String>read(failing, "$.status")).isNotIn("FAILED", "COMPLETED");
        assertThat(JsonPath.<String>read(failing, "$.failure")) // the API answers in French unless asked otherwise
                .startsWith("la base de données a répondu par une erreur (état SQL");
        assertThat(JsonPath.<Integer>read(failing, "$.attempts")).isPositive();

        Files.move(away.resolve("crm.mv.db"), live.resolve("crm.mv.db"));
        awaitRun(run, "COMPLETED");
        var after = crm.snapshot();
        after.get("support_ticket").get("70").put("customer_email", "kh:");
        assertThat(after).isEqualTo(CrmAcceptance.expectedAfterErasure(before));
    }

    @Autowired
    JdbcTemplate gardienDb;

    @Autowired
    ConnectorRuns runs;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aWalkThatFailsBeforeTheRunsRecordCommitsIsRecordedAsAFailureOnceItHas() throws Exception {
        var file = dir.resolve("early").resolve("crm").toString();
        var crm = new CrmDatabase("jdbc:h2:file:" + file, "sa", "");
        crm.create();
        var connector = "early-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, "jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        Files.delete(Path.of(file + ".mv.db")); // the walk fails at once

        var run = transactions.execute(tx -> {
            var id = runs.start(
                            connector,
                            new RunRequest(RunAction.ERASE, java.util.Map.of("email", CrmDatabase.ALICE), null),
                            ca.gardien.shared.Actor.SYSTEM)
                    .id();
            try {
                Thread.sleep(300); // the walk has failed before this transaction commits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return id;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.status(run).failure() != null);
        assertThat(runs.status(run).failure()).startsWith("the database answered with an error (SQL state");
        assertThat(runs.status(run).attempts()).isEqualTo(1);
    }

    @Test
    void aRunWhoseDatabaseNeverComesBackFailsForGoodAndForgetsTheIdentifiers() throws Exception {
        var file = dir.resolve("gone").resolve("crm").toString();
        var crm = new CrmDatabase("jdbc:h2:file:" + file, "sa", "");
        crm.create();
        var connector = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, "jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        Files.delete(dir.resolve("gone").resolve("crm.mv.db"));

        var run =
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        var failed = awaitRun(run, "FAILED");
        assertThat(JsonPath.<Integer>read(failed, "$.attempts")).isEqualTo(6);
        assertThat(gardienDb.queryForObject("SELECT request FROM connectors_run WHERE id = ?", String.class, run))
                .isNull();
        awaitLedgerEntry("connectors.run.failed", run);
    }
}
