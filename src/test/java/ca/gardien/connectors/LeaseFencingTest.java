package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.GardienApplication;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lease fencing with real processes on one PostgreSQL: node 1 (a child process) erases Alice in batches of five and is
 * paused with SIGSTOP in the middle, past its 2 s lease; node 2 (this JVM) takes the run over and carries it on; node 1
 * is resumed. Node 1's next write for the run (checkpoint, renewal, completion) is refused, so it stops: the run is
 * recorded complete once ({@code connectors.run.completed}), collected once, with the exact counts. Without the fence
 * (writes by run id only) node 1 carries on as well: a second completion fact and wrong counts.
 */
@ExtendWith(PostgresCondition.class)
class LeaseFencingTest {

    static final int EXTRA_ORDERS = 120;

    @TempDir
    Path dir;

    @Test
    void aNodePausedPastItsLeaseStopsWritingForTheRunAnotherNodeTookOver() throws Exception {
        var base = PostgresCondition.url();
        var suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var schema = "gardien_fence_" + suffix;
        var crmDatabase = "crm_fence_" + suffix;
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        PostgresSchema.execute(base, "CREATE DATABASE " + crmDatabase);
        var gardienUrl = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var crmUrl = base.replaceFirst("(//[^/]+/)[^?]*", "$1" + crmDatabase);
        Process node1 = null;
        ConfigurableApplicationContext node2 = null;
        try {
            var crm = new CrmDatabase(crmUrl, null, null);
            crm.create();
            crm.plant();
            try (var c = crm.connect();
                    var s = c.createStatement()) {
                s.execute("INSERT INTO orders SELECT 1000 + x, 1, 1.00, 'Alice T' FROM generate_series(1, "
                        + EXTRA_ORDERS + ") AS g(x)");
                s.execute("INSERT INTO order_line SELECT 1000 + x, 100, 1 FROM generate_series(1, " + EXTRA_ORDERS
                        + ") AS g(x)");
            }
            var java = ProcessHandle.current().info().command().orElse("java");
            var command = new ArrayList<>(List.of(
                    java,
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LeaseFencingNode.class.getName(),
                    crmUrl));
            command.addAll(arguments(base, gardienUrl, schema));
            node1 = new ProcessBuilder(command).redirectErrorStream(true).start();
            var lines = new CopyOnWriteArrayList<String>();
            var output = node1.getInputStream();
            Thread.ofPlatform().daemon().start(() -> {
                try (var in = new BufferedReader(new InputStreamReader(output))) {
                    for (var line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // the process ended
                }
            });
            var process1 = node1;
            await().atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> {
                        assertThat(process1.isAlive())
                                .as(() -> "node 1 alive: " + tail(lines))
                                .isTrue();
                        return lines.stream().anyMatch(LeaseFencingTest::midway);
                    });
            signal("STOP", node1); // past its lease from now on: no renewal, no write
            var run = lines.stream()
                    .filter(l -> l.startsWith("RUN "))
                    .map(l -> UUID.fromString(l.substring(4)))
                    .findFirst()
                    .orElseThrow();
            var stoppedAt =
                    lines.stream().filter(l -> l.startsWith("AT ")).toList().getLast();

            node2 = SpringApplication.run(
                    GardienApplication.class,
                    arguments(base, gardienUrl, schema).toArray(String[]::new));
            var jdbc = node2.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.queryForObject(
                                    "SELECT lease_generation FROM connectors_run WHERE id = ?",
                                    Long.class,
                                    run.toString()),
                            generation -> generation >= 2);
            signal("CONT", node1); // node 1 resumes where it was, in the middle of the run node 2 now carries

            var runs = node2.getBean(ConnectorRuns.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(run), s -> {
                assertThat(s.status()).as(s.toString()).isNotEqualTo(RunState.FAILED);
                return s.status() == RunState.COMPLETED;
            });
            // node 1 either stops on its first refused write, or (without the fence) finishes the run a second time
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> stopped(lines, run) || facts(jdbc, "connectors.run.completed", run) >= 2);
            Thread.sleep(2000); // anything node 1 still wrote would show by now

            assertThat(facts(jdbc, "connectors.run.completed", run))
                    .as("one completion fact (node 1 stopped at %s)", stoppedAt)
                    .isEqualTo(1);
            assertThat(facts(jdbc, "connectors.run.collected", run)).isEqualTo(1);
            assertThat(stopped(lines, run))
                    .as("node 1 stopped: %s", tail(lines))
                    .isTrue();
            var status = runs.status(run);
            assertThat(status.status()).isEqualTo(RunState.COMPLETED);
            var counts = new java.util.TreeMap<String, Long>(String.CASE_INSENSITIVE_ORDER);
            counts.putAll(status.counts());
            assertThat(counts)
                    .containsEntry("orders", 2L + EXTRA_ORDERS)
                    .containsEntry("order_line", 3L + EXTRA_ORDERS)
                    .containsEntry("customer", 1L);
            try (var c = crm.connect();
                    var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE customer_id = 1")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        } finally {
            if (node1 != null) {
                signal("CONT", node1);
                node1.destroyForcibly();
                node1.waitFor(30, TimeUnit.SECONDS);
            }
            if (node2 != null) {
                node2.close();
            }
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            PostgresSchema.execute(base, "DROP DATABASE IF EXISTS " + crmDatabase + " WITH (FORCE)");
        }
    }

    /** Node 1 is applying, some batches in (the third step or later, forty keys into it). */
    private static boolean midway(String line) {
        if (!line.startsWith("AT APPLYING ")) {
            return false;
        }
        var parts = line.split(" ");
        return Integer.parseInt(parts[2]) >= 3 && Long.parseLong(parts[3]) >= 40;
    }

    private static boolean stopped(List<String> lines, UUID run) {
        return lines.stream().anyMatch(l -> l.contains("Connector run " + run + " stopped on this node"));
    }

    private List<String> arguments(String base, String gardienUrl, String schema) {
        var user = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(base);
        return List.of(
                "--spring.datasource.url=" + gardienUrl,
                "--spring.datasource.username=" + (user.find() ? user.group(1) : "postgres"),
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                // one data directory: the same keys on both nodes, as a cluster shares them
                "--gardien.data-dir=" + dir.resolve("data"),
                "--gardien.connectors.batch-size=5",
                "--gardien.connectors.batch-pause=50ms",
                "--gardien.connectors.lease=2s",
                "--gardien.connectors.resume-every=200ms",
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    private static void signal(String signal, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    private static int facts(JdbcTemplate jdbc, String action, UUID run) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_entry WHERE action = ? AND object_id = ?",
                Integer.class,
                action,
                run.toString());
    }

    private static String tail(List<String> lines) {
        var copy = List.copyOf(lines); // the reader thread keeps appending
        return String.join("\n", copy.subList(Math.max(0, copy.size() - 30), copy.size()));
    }
}
