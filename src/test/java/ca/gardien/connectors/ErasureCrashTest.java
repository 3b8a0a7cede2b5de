package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.GardienApplication;
import ca.gardien.connectors.engine.Applier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kills a real Gardien process with SIGKILL in the middle of an erasure (batches of five rows), restarts it on the same
 * data directory, and checks that the run resumes, ends in exactly the state an uninterrupted run leaves, applies
 * nothing twice (a keyed hash is the hash of the original, counts are exact) and is recorded complete once.
 */
class ErasureCrashTest {

    static final int EXTRA_ORDERS = 120;

    @TempDir
    Path dir;

    @Test
    void anErasureKilledMidwayResumesAndEndsInTheSameStateWithNothingAppliedTwice() throws Exception {
        // WRITE_DELAY=0: the target, like any real database, keeps what it acknowledged (H2 defaults to a 0.5 s delay).
        var crm = new CrmDatabase("jdbc:h2:file:" + dir.resolve("crm") + ";WRITE_DELAY=0", "sa", "");
        crm.create();
        crm.plant();
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("INSERT INTO orders SELECT 1000 + x, 1, 1.00, 'Alice T' FROM SYSTEM_RANGE(1, " + EXTRA_ORDERS
                    + ")");
            s.execute("INSERT INTO order_line SELECT 1000 + x, 100, 1 FROM SYSTEM_RANGE(1, " + EXTRA_ORDERS + ")");
        }
        var before = crm.snapshot();
        var run = eraseThenKill(crm.url());

        var context =
                SpringApplication.run(GardienApplication.class, arguments().toArray(String[]::new));
        try {
            var runs = context.getBean(ConnectorRuns.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(run), s -> {
                assertThat(s.status()).as(s.toString()).isNotEqualTo(RunState.FAILED);
                return s.status() == RunState.COMPLETED;
            });
            var status = runs.status(run);
            assertThat(status.counts())
                    .containsEntry("ORDERS", 2L + EXTRA_ORDERS)
                    .containsEntry("ORDER_LINE", 3L + EXTRA_ORDERS)
                    .containsEntry("CUSTOMER", 1L);

            var after = crm.snapshot();
            var pseudonym = after.get("support_ticket").get("70").get("customer_email");
            var box = SecretBox.loadOrCreate(dir.resolve("data").resolve("keys"));
            assertThat(pseudonym).isEqualTo(Applier.HASHED + box.keyedHash(CrmDatabase.ALICE));
            after.get("support_ticket").get("70").put("customer_email", "kh:");
            var expected = CrmAcceptance.expectedAfterErasure(before);
            expected.get("orders").keySet().removeIf(k -> Integer.parseInt(k) > 1000);
            expected.get("order_line").keySet().removeIf(k -> Integer.parseInt(k.split("\\|")[0]) > 1000);
            assertThat(after).isEqualTo(expected);

            var jdbc = context.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> completions(jdbc, run), n -> n == 1);
            assertThat(completions(jdbc, run)).isEqualTo(1);
        } finally {
            context.close();
        }
    }

    private UUID eraseThenKill(String crmUrl) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), ErasureBurst.class.getName(), crmUrl));
        command.addAll(arguments());
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(240)); // a loaded machine boots slowly
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        UUID run = null;
        boolean midway = false;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (var line = out.readLine(); line != null && !midway; line = out.readLine()) {
                if (line.startsWith("RUN ")) {
                    run = ErasureBurst.parse(line);
                }
                if (line.startsWith("AT APPLYING ")) {
                    var parts = line.split(" ");
                    midway = Integer.parseInt(parts[2]) >= 3 && Long.parseLong(parts[3]) >= 40;
                }
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint
            watchdog.interrupt();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(midway)
                .as("the erasure was under way when the process was killed")
                .isTrue();
        return run;
    }

    private List<String> arguments() {
        return List.of(
                "--gardien.data-dir=" + dir.resolve("data"),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("gardien") + ";WRITE_DELAY=0",
                "--gardien.connectors.batch-size=5",
                "--gardien.connectors.batch-pause=5ms",
                "--gardien.connectors.lease=1s",
                "--gardien.connectors.resume-every=200ms",
                "--spring.modulith.events.republish-outstanding-events-on-restart=true",
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    private static int completions(JdbcTemplate jdbc, UUID run) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_entry WHERE action = 'connectors.run.completed' AND object_id = ?",
                Integer.class,
                run.toString());
    }
}
