package ca.gardien.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script of {@code src/test/node/<name>} with its npm dependencies (installed by
 * {@code npm ci --prefix src/test/node/<name>}). Without {@code node} on the PATH (or {@code GARDIEN_NODE}) or without
 * the installed {@code node_modules}, the tests that need it skip with a message, unless
 * {@code GARDIEN_TEST_REQUIRE_NODE=true}, when they fail.
 */
public final class NodeScript {

    private final Path directory;
    private final String node;

    private NodeScript(Path directory, String node) {
        this.directory = directory;
        this.node = node;
    }

    /** The project's directory {@code src/test/node/<name>}, or a skipped test when Node or its modules are absent. */
    public static NodeScript in(String name, String... requiredModules) {
        var directory = Path.of("src", "test", "node", name).toAbsolutePath();
        var node = binary();
        String missing = null;
        if (node == null) {
            missing = "no executable node (GARDIEN_NODE, or node on the PATH: install Node.js)";
        } else {
            for (var module : requiredModules) {
                if (!Files.isDirectory(directory.resolve("node_modules").resolve(module))) {
                    missing = "no " + module + " in " + directory + "/node_modules (run npm ci --prefix "
                            + Path.of("").toAbsolutePath().relativize(directory) + ")";
                    break;
                }
            }
        }
        if (missing != null && "true".equalsIgnoreCase(System.getenv("GARDIEN_TEST_REQUIRE_NODE"))) {
            throw new IllegalStateException("GARDIEN_TEST_REQUIRE_NODE=true but " + missing);
        }
        var reason = missing;
        assumeTrue(reason == null, () -> "Node test skipped: " + reason);
        return new NodeScript(directory, node);
    }

    private static String binary() {
        var configured = System.getenv("GARDIEN_NODE");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? configured : null;
        }
        var path = System.getenv("PATH");
        return path == null
                ? null
                : Arrays.stream(path.split(File.pathSeparator))
                        .map(dir -> Path.of(dir, "node"))
                        .filter(Files::isExecutable)
                        .map(Path::toString)
                        .findFirst()
                        .orElse(null);
    }

    /** Runs the script with {@code input} on its standard input and returns its standard output. */
    public String run(String script, String input, Duration timeout) throws IOException, InterruptedException {
        var errors = Files.createTempFile("gardien-node", ".err");
        try {
            var process = new ProcessBuilder(node, script)
                    .directory(directory.toFile())
                    .redirectError(errors.toFile())
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + Files.readString(errors));
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
