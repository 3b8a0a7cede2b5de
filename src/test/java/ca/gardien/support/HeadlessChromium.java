package ca.gardien.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's Chromium (Debian's {@code chromium}, or {@code GARDIEN_CHROMIUM}) run headless for browser tests: it
 * loads a page, runs its scripts and prints the resulting DOM. Without a browser the tests skip with a message, unless
 * {@code GARDIEN_TEST_REQUIRE_BROWSER=true}, when they fail.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static String binary() {
        var configured = System.getenv("GARDIEN_CHROMIUM");
        return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
    }

    public static void assumeAvailable() {
        boolean present = Files.isExecutable(Path.of(binary()));
        if (!present && "true".equalsIgnoreCase(System.getenv("GARDIEN_TEST_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(
                    "GARDIEN_TEST_REQUIRE_BROWSER=true but there is no Chromium at " + binary());
        }
        assumeTrue(
                present,
                "no Chromium at " + binary() + ": browser tests skipped (install chromium or set "
                        + "GARDIEN_CHROMIUM)");
    }

    /** The DOM after the page's scripts ran, in the given profile (a profile keeps cookies and storage). */
    public static String dumpDom(String url, Path profile, String... extraArguments)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                binary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extraArguments));
        command.add("--dump-dom");
        command.add(url);
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 60 s");
        }
        return out;
    }
}
