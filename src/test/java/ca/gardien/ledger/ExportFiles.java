package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/** Runs both verifiers on an export file, and forges exports the way an attacker with write access would. */
final class ExportFiles {

    static final Path SCRIPT = Path.of("docs/verify-ledger.sh");

    private ExportFiles() {}

    /**
     * Runs docs/verify-ledger.sh and Gardien's offline verifier on the same file, asserts that they exit with the same
     * code and print the same line, and returns "EXIT LINE". Skips the test when the script's tools are missing.
     */
    static String verdict(Path export, Path... pinnedKey) throws IOException, InterruptedException {
        var options = new ArrayList<String>();
        for (var key : pinnedKey) {
            options.addAll(List.of("--public-key", key.toString()));
        }
        return verdict(export, options);
    }

    /** The same, with the same options given to both verifiers. */
    static String verdict(Path export, List<String> options) throws IOException, InterruptedException {
        Assumptions.assumeTrue(toolsPresent(), "bash, jq, openssl and sha256sum are needed to run " + SCRIPT);
        var command = new ArrayList<>(List.of("bash", SCRIPT.toString(), export.toString()));
        var javaArgs = new ArrayList<>(List.of(export.toString()));
        command.addAll(options);
        javaArgs.addAll(options);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var scriptOut = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        var script = process.waitFor() + " " + scriptOut;
        var javaOut = new ByteArrayOutputStream();
        var javaExit = OfflineVerifier.run(javaArgs, new PrintStream(javaOut, true, StandardCharsets.UTF_8));
        assertThat(script)
                .isEqualTo(javaExit + " "
                        + javaOut.toString(StandardCharsets.UTF_8).strip());
        return script;
    }

    static boolean toolsPresent() {
        try {
            var check = new ProcessBuilder("bash", "-c", "command -v jq && command -v openssl && command -v sha256sum")
                    .redirectErrorStream(true)
                    .start();
            check.getInputStream().readAllBytes();
            return check.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Applies {@code change} to every entry, then re-computes every hash and link: a consistent forged chain. */
    static List<String> relinked(List<String> lines, UnaryOperator<LedgerEntry> change) {
        var forged = new ArrayList<String>();
        var prevHash = CanonicalForm.GENESIS_HASH;
        for (var line : lines) {
            if (ExportLines.parse(line) instanceof LedgerEntry original) {
                var e = change.apply(original).linkedAfter(prevHash);
                prevHash = e.hash();
                var out = new ByteArrayOutputStream();
                new ExportLines(out).entry(e);
                line = out.toString(StandardCharsets.UTF_8).strip();
            }
            forged.add(line);
        }
        return forged;
    }

    static LedgerEntry withObjectId(LedgerEntry e, String objectId) {
        return new LedgerEntry(
                e.sequence(),
                e.eventId(),
                e.recordedAt(),
                e.occurredAt(),
                e.actor(),
                e.action(),
                e.objectType(),
                objectId,
                e.payload(),
                e.prevHash(),
                e.hash());
    }
}
