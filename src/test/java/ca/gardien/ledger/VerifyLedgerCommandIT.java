package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.PackagedJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/gardien-*.jar verify-ledger FILE}, run on the packaged jar exactly as an auditor would. */
class VerifyLedgerCommandIT {

    @TempDir
    Path dir;

    @Test
    void packagedJarExitsZeroOnAnUntouchedExportAndOneOnATamperedOne() throws Exception {
        var keys = TestChains.keys(dir.resolve("keys"));
        var entries = TestChains.entries(6);
        var out = new ByteArrayOutputStream();
        var writer = new ExportLines(out);
        entries.forEach(writer::entry);
        var checkpoint = TestChains.checkpoint(keys, entries.getLast());
        writer.checkpoint(checkpoint);
        writer.keys(List.of(checkpoint), keys.keyId(), keys.publicKeyPem());
        var export = Files.write(dir.resolve("ledger.jsonl"), out.toByteArray());

        var valid = verifyLedger(export);
        assertThat(valid.code).isZero();
        assertThat(valid.output).contains("VALID: 6 entries");

        var lines = new ArrayList<>(Files.readAllLines(export));
        lines.remove(2);
        var tampered = verifyLedger(Files.write(dir.resolve("tampered.jsonl"), lines));
        assertThat(tampered.code).isEqualTo(1);
        assertThat(tampered.output).contains("INVALID at sequence 3");
    }

    record Result(int code, String output) {}

    private static Result verifyLedger(Path export) throws IOException, InterruptedException {
        var java = PackagedJar.java();
        var process = new ProcessBuilder(
                        java, "-jar", PackagedJar.path().toString(), "verify-ledger", export.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }
}
