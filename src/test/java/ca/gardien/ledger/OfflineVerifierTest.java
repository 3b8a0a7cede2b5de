package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering done in an exported file is caught by {@code verify-ledger}, which exits 1 and names the sequence. */
class OfflineVerifierTest {

    @TempDir
    Path dir;

    Path export;
    SigningKeys keys;
    List<String> lines;

    @BeforeEach
    void exportOfTwelveEntriesWithCheckpointsAtFourEightAndTwelve() throws IOException {
        keys = TestChains.keys(dir.resolve("keys"));
        var entries = TestChains.entries(12);
        var out = new ByteArrayOutputStream();
        var writer = new ExportLines(out);
        entries.forEach(writer::entry);
        var checkpoints = List.of(
                TestChains.checkpoint(keys, entries.get(3)),
                TestChains.checkpoint(keys, entries.get(7)),
                TestChains.checkpoint(keys, entries.get(11)));
        checkpoints.forEach(writer::checkpoint);
        writer.keys(checkpoints, keys.keyId(), keys.publicKeyPem());
        export = dir.resolve("ledger.jsonl");
        Files.write(export, out.toByteArray());
        lines = new ArrayList<>(Files.readAllLines(export));
    }

    @Test
    void exitsZeroOnAnUntouchedExport() {
        assertThat(run(export)).isZero();
        assertThat(output).startsWith("VALID: 12 entries");
    }

    @Test
    void exitsZeroWhenThePinnedKeySignedTheCheckpoints() throws IOException {
        var pem = Files.writeString(dir.resolve("pub.pem"), keys.publicKeyPem());
        assertThat(run(export, "--public-key", pem.toString())).isZero();
    }

    @Test
    void exitsOneWhenAnotherKeyIsPinned(@TempDir Path other) throws IOException {
        var pem = Files.writeString(
                dir.resolve("other.pem"), TestChains.keys(other).publicKeyPem());
        assertThat(run(export, "--public-key", pem.toString())).isEqualTo(1);
    }

    @Test
    void exitsOneOnAModifiedEntry() throws IOException {
        lines.set(5, lines.get(5).replace("\\\"n\\\":\\\"6\\\"", "\\\"n\\\":\\\"7\\\""));
        assertTampered(6);
    }

    @Test
    void exitsOneOnADeletedEntry() throws IOException {
        lines.remove(5);
        assertTampered(6);
    }

    @Test
    void exitsOneOnAnInsertedEntry() throws IOException {
        lines.add(5, lines.get(5));
        assertTampered(7);
    }

    @Test
    void exitsOneOnReorderedEntries() throws IOException {
        Collections.swap(lines, 5, 6);
        assertTampered(6);
    }

    @Test
    void exitsOneOnTruncationPastACheckpoint() throws IOException {
        lines.subList(9, 12).clear();
        assertTampered(10);
    }

    @Test
    void exitsZeroWhenTheExpectedCheckpointIsThereUnchangedAndOneWhenItIsNot() throws IOException {
        var eight = ((Checkpoint) ExportLines.parse(lines.get(13))).headHash();
        assertThat(run(export, "--expect-checkpoint", "8:" + eight)).isZero();
        assertThat(run(export, "--expect-checkpoint", "4:" + eight)).isEqualTo(1);
        assertThat(output)
                .isEqualTo("INVALID at sequence 4: checkpoint 4 differs from the one the previous audit recorded: the"
                        + " chain was rewritten\n");
    }

    @Test
    void exitsTwoWithTheUsageOnWrongArguments() throws IOException {
        var pem = Files.writeString(dir.resolve("pub.pem"), keys.publicKeyPem()).toString();
        for (var args : List.of(
                List.of("--expect-checkpoint", "8"),
                List.of("--expect-checkpoint", "8:ABC"),
                List.of("--expect-checkpoint", "0:" + "a".repeat(64)),
                List.of("--checkpoint-every-entries", "0"),
                List.of("--max-batch", "-5"),
                List.of("--checkpoint-every", "5 minutes"),
                List.of("--time-margin", "PT1M"),
                List.of("--as-of", "yesterday"),
                List.of("--public-key"),
                List.of("--unknown", "x"))) {
            assertThat(run(export, args.toArray(String[]::new))).as("%s", args).isEqualTo(2);
            assertThat(output).as("%s", args).startsWith("usage: verify-ledger FILE");
        }
        assertThat(run(export, "--tsa-cert", pem)).isEqualTo(2);
        assertThat(output).endsWith("is not an X.509 certificate (PEM)\n");
    }

    @Test
    void exitsTwoOnAFileThatIsNotAnExport() throws IOException {
        Files.writeString(export, "not json\n");
        assertThat(run(export)).isEqualTo(2);
    }

    private String output;

    private void assertTampered(long sequence) throws IOException {
        Files.write(export, lines);
        assertThat(run(export)).isEqualTo(1);
        assertThat(output).startsWith("INVALID at sequence " + sequence + ":");
    }

    private int run(Path file, String... more) {
        var bytes = new ByteArrayOutputStream();
        var args = new ArrayList<String>();
        args.add(file.toString());
        args.addAll(List.of(more));
        int code = OfflineVerifier.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }
}
