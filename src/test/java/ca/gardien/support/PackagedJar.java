package ca.gardien.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The executable jar built by {@code package}, for the integration tests that run it as a user would. */
public final class PackagedJar {

    private PackagedJar() {}

    public static Path path() throws IOException {
        try (var files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("gardien-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after 'package': no target/gardien-*.jar"));
        }
    }

    /** The java binary running the tests: the JDK >= 21 that built the jar, not whatever is first on the PATH. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
