package ca.gardien.support;

import ca.gardien.GardienApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Gardien processes on one PostgreSQL schema, each on its own port (kept across restarts), started from the test
 * class path (so the test configuration applies: {@code src/test/resources/config/application.yml}). A node can be
 * killed ({@code SIGKILL}), paused ({@code SIGSTOP}) and resumed, and restarted.
 */
public final class GardienNodes implements AutoCloseable {

    private final Path dir;
    private final String url;
    private final String username;
    private final String schema;
    private final boolean sharedData;
    private final List<String> settings;
    private final int[] ports;
    private final Process[] processes;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param sharedData whether the nodes share one data directory (keys, packages), as a cluster must, or each has its
     *     own
     * @param settings further {@code --name=value} arguments for every node
     */
    public GardienNodes(
            Path dir, String url, String username, String schema, int nodes, boolean sharedData, List<String> settings)
            throws IOException {
        this.dir = dir;
        this.url = url;
        this.username = username;
        this.schema = schema;
        this.sharedData = sharedData;
        this.settings = settings;
        this.ports = new int[nodes];
        this.processes = new Process[nodes];
        for (int n = 0; n < nodes; n++) {
            ports[n] = freePort();
        }
    }

    public int size() {
        return ports.length;
    }

    public int port(int node) {
        return ports[node];
    }

    public Process process(int node) {
        return processes[node];
    }

    /** Starts node {@code node} (again, on its port, appending to its log). */
    public void start(int node) throws IOException {
        var data = Files.createDirectories(sharedData ? dir.resolve("data") : dir.resolve("node" + node));
        var log = dir.resolve("node" + node + ".log").toFile();
        processes[node] = new ProcessBuilder(command(node, data))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    /** Waits until the node answers its health check as UP; false when it died or {@code bound} passed. */
    public boolean awaitUp(int node, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline) && processes[node].isAlive()) {
            if (healthy(ports[node])) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    public void kill(int node) throws InterruptedException {
        processes[node].destroyForcibly();
        processes[node].waitFor(30, TimeUnit.SECONDS);
    }

    public void pause(int node) throws IOException, InterruptedException {
        signal(node, "-STOP");
    }

    public void resume(int node) throws IOException, InterruptedException {
        signal(node, "-CONT");
    }

    /** The last lines of the node's log, for an assertion's message. */
    public String tail(int node) {
        try {
            var lines = Files.readAllLines(dir.resolve("node" + node + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public String log(int node) throws IOException {
        return Files.readString(dir.resolve("node" + node + ".log"));
    }

    /** Keeps the nodes' logs in {@code target} (the test's folder is deleted), to read after a failure. */
    public void keepLogs(Path target) throws IOException {
        Files.createDirectories(target);
        for (int n = 0; n < ports.length; n++) {
            var log = dir.resolve("node" + n + ".log");
            if (Files.exists(log)) {
                Files.copy(log, target.resolve("node" + n + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (var p : processes) {
            if (p != null) {
                p.destroy();
            }
        }
        for (var p : processes) {
            if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private void signal(int node, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", signal, Long.toString(processes[node].pid()))
                .inheritIO()
                .start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    private List<String> command(int node, Path data) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                GardienApplication.class.getName(),
                "--server.port=" + ports[node],
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--gardien.data-dir=" + data,
                "--gardien.demo.enabled=true",
                "--spring.main.banner-mode=off"));
        command.addAll(settings);
        return command;
    }

    private boolean healthy(int port) {
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
