package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real Gardien processes started at the same instant on one empty PostgreSQL schema, demo on: all three come up
 * (no unique-constraint crash in first-start setup), and the setup happened once — one bootstrap account, one
 * organization profile, one data map revision and one {@code inventory.applied} fact.
 */
@ExtendWith(PostgresCondition.class)
class FirstStartRaceTest {

    static final int NODES = 3;
    static final Duration START_BOUND = Duration.ofSeconds(240); // three JVMs booting at once on a shared machine

    @TempDir
    Path dir;

    @Test
    void threeNodesStartedTogetherAllComeUpAndApplyTheDemoDataMapOnce() throws Exception {
        var base = PostgresCondition.url();
        var schema = "gardien_race_" + UUID.randomUUID().toString().replace("-", "");
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var user = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(base);
        var username = user.find() ? user.group(1) : "postgres";
        var processes = new ArrayList<Process>();
        var ports = new ArrayList<Integer>();
        try {
            for (int n = 0; n < NODES; n++) {
                int port = freePort();
                ports.add(port);
                var data = Files.createDirectories(dir.resolve("node" + n));
                processes.add(new ProcessBuilder(command(url, username, schema, port, data))
                        .redirectErrorStream(true)
                        .redirectOutput(data.resolve("gardien.log").toFile())
                        .start());
            }
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            var deadline = Instant.now().plus(START_BOUND);
            for (int n = 0; n < NODES; n++) {
                boolean up = false;
                while (!up
                        && Instant.now().isBefore(deadline)
                        && processes.get(n).isAlive()) {
                    up = healthy(client, ports.get(n));
                    if (!up) {
                        Thread.sleep(500);
                    }
                }
                assertThat(up)
                        .as(
                                "node %d up (alive: %s); its log ends with:%n%s",
                                n, processes.get(n).isAlive(), tail(n))
                        .isTrue();
            }
            try (var c = DriverManager.getConnection(url)) {
                assertThat(count(c, "SELECT COUNT(*) FROM account WHERE username = 'officer'"))
                        .isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM organization_profile"))
                        .isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM inventory_revision")).isEqualTo(1);
                // the fact is appended just after the commit: give the nodes a moment
                var factDeadline = Instant.now().plusSeconds(30);
                while (count(c, "SELECT COUNT(*) FROM ledger_entry WHERE action = 'inventory.applied'") < 1
                        && Instant.now().isBefore(factDeadline)) {
                    Thread.sleep(200);
                }
                Thread.sleep(1000); // a second fact, if any, would be appended by now as well
                assertThat(count(c, "SELECT COUNT(*) FROM ledger_entry WHERE action = 'inventory.applied'"))
                        .isEqualTo(1);
            }
            for (int n = 0; n < NODES; n++) {
                assertThat(Files.readString(dir.resolve("node" + n).resolve("gardien.log")))
                        .doesNotContain("duplicate key value");
            }
        } finally {
            for (var p : processes) {
                p.destroy();
            }
            for (var p : processes) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private List<String> command(String url, String username, String schema, int port, Path data) {
        var java = ProcessHandle.current().info().command().orElse("java");
        return List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                GardienApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--gardien.data-dir=" + data,
                "--gardien.demo.enabled=true",
                "--spring.main.banner-mode=off");
    }

    private String tail(int node) {
        try {
            var lines = Files.readAllLines(dir.resolve("node" + node).resolve("gardien.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static long count(java.sql.Connection c, String sql) throws Exception {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean healthy(HttpClient client, int port) {
        try {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
