package ca.gardien.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.ledger.OfflineVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the backup and restore tests share: the scripts under deploy/backup, and reading ledger exports. */
public final class Restores {

    private Restores() {}

    /** Runs a script with bash and returns its exit code (its output goes in the assertion message on a timeout). */
    public static int exitCode(String... command) throws Exception {
        var args = new ArrayList<String>(List.of("bash"));
        args.addAll(List.of(command));
        var process = new ProcessBuilder(args).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }

    /** The entry lines of a ledger export (JSON lines of type {@code entry}), in order. */
    public static List<String> entryLines(Path export) throws IOException {
        return Files.readAllLines(export).stream()
                .filter(l -> l.contains("\"type\":\"entry\""))
                .toList();
    }

    /** What {@code verify-ledger} prints for an export with these options. */
    public static String verifyOffline(Path export, String... options) {
        var args = new ArrayList<String>(List.of(export.toString()));
        args.addAll(List.of(options));
        var out = new ByteArrayOutputStream();
        OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
