package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every main source file holds at most {@value #MAX_LINES} lines (issue 12): a longer file does several things.
 */
class SourceFileSizeTest {

    static final int MAX_LINES = 250;

    @Test
    void noMainSourceFileGrowsPastTheLimit() throws IOException {
        var root = Path.of("src/main/java");
        var over = new TreeMap<String, Long>();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var name = root.relativize(file).toString().replace('\\', '/');
                long lines;
                try (var all = Files.lines(file)) {
                    lines = all.count();
                }
                if (lines > MAX_LINES) {
                    over.put(name, lines);
                }
            }
        }
        assertThat(over).as("files over %d lines", MAX_LINES).isEmpty();
    }
}
