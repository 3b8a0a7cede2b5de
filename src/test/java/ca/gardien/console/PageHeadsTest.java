package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every page takes its head from one fragment (the console's {@code fragments :: head}, the portal's form pages
 * {@code portal/rights-head :: head}), so that a style sheet, a script or a meta tag is added once for all; and every
 * console page's main region is the skip link's target.
 */
class PageHeadsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void noPageWritesItsOwnHeadAndEveryConsoleMainIsTheSkipTarget() throws IOException {
        var ownHead = new ArrayList<String>();
        var noTarget = new ArrayList<String>();
        try (var files = Files.walk(TEMPLATES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var name = TEMPLATES.relativize(file).toString();
                var html = Files.readString(file);
                if (html.contains("<meta charset") && !html.contains("th:fragment=\"head(")) {
                    ownHead.add(name);
                }
                if (name.startsWith("console/") && html.contains("<main") && !html.contains("<main id=\"main\"")) {
                    noTarget.add(name);
                }
            }
        }
        assertThat(ownHead).as("pages with a head of their own").isEmpty();
        assertThat(noTarget).as("console pages whose main is not #main").isEmpty();
    }
}
