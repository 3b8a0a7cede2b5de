package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.GardienApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kills a real Gardien process with SIGKILL in the middle of a burst of appends, restarts on the same embedded
 * database and checks that the chain verifies and that every acknowledged append is there.
 */
class LedgerCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedAppendSurvivesKillNine() throws Exception {
        var acknowledged = burstThenKill(300);

        var context =
                SpringApplication.run(GardienApplication.class, arguments(true).toArray(String[]::new));
        try {
            var jdbc = context.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(recorded(jdbc)).containsAll(acknowledged));
            var report = context.getBean(EvidenceLedger.class).verify();
            assertThat(report.valid()).as(report.problem()).isTrue();
            assertThat(report.entries()).isGreaterThanOrEqualTo(acknowledged.size());
        } finally {
            context.close();
        }
    }

    private Set<UUID> burstThenKill(int acks) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), LedgerBurst.class.getName()));
        command.addAll(arguments(false));
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var acknowledged = new HashSet<UUID>();
        // A child that never acknowledges must not hang the build.
        var watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(120));
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (var line = out.readLine(); line != null && acknowledged.size() < acks; line = out.readLine()) {
                if (line.startsWith("FAILED") || line.contains("ERROR")) {
                    System.err.println("burst: " + line);
                }
                if (line.startsWith("ACK ")) {
                    acknowledged.add(UUID.fromString(line.substring(4)));
                }
                if (line.startsWith("FAILED ")) {
                    throw new AssertionError("the burst process failed: " + line);
                }
            }
            process.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no flush
            watchdog.interrupt();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("acknowledged appends before the kill").hasSize(acks);
        return acknowledged;
    }

    private List<String> arguments(boolean restart) {
        return List.of(
                "--gardien.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("gardien") + ";WRITE_DELAY=0",
                "--spring.modulith.events.republish-outstanding-events-on-restart=" + restart,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    private static Set<UUID> recorded(JdbcTemplate jdbc) {
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM ledger_entry", UUID.class));
    }
}
