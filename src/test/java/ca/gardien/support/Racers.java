package ca.gardien.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class in several JVMs at once, each waiting for the same instant before it starts its work: a race
 * between processes, not between threads of one JVM. Every node gets that instant (epoch milliseconds) as its first
 * argument, then the given arguments; the last line each printed on its standard output is returned, in node order.
 */
public final class Racers {

    private Racers() {}

    public static List<String> race(Class<?> main, int nodes, String... args) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElse("java");
        long start = System.currentTimeMillis() + 3_000; // every JVM is up by then, even on two busy cores
        var processes = new ArrayList<Process>();
        try {
            for (int i = 0; i < nodes; i++) {
                var command = new ArrayList<>(List.of(
                        java,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        Long.toString(start)));
                command.addAll(List.of(args));
                processes.add(new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            var outputs = new ArrayList<String>();
            for (var p : processes) {
                var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(main.getSimpleName() + " failed: " + out);
                }
                outputs.add(
                        out.substring(out.lastIndexOf('\n') + 1)); // the last line: the node's answer, after any log
            }
            return outputs;
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /** In a node: waits for round {@code round} (0, 1, ...), which starts {@code every} ms after the previous one. */
    public static void awaitRound(String[] args, int round, long every) throws InterruptedException {
        long wait = Long.parseLong(args[0]) + round * every - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
