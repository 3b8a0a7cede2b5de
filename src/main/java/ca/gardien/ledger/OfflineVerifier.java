package ca.gardien.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code java -jar gardien.jar verify-ledger FILE [options]} ({@link VerifierOptions#USAGE}): verifies an export
 * without a database or a running Gardien. Exit 0 when valid, 1 when the export was tampered with, 2 when it cannot be
 * read or the arguments are wrong.
 */
public final class OfflineVerifier {

    private static final String ENTRY_LINE = "{\"type\":\"entry\"";

    private OfflineVerifier() {}

    public static int run(List<String> args, PrintStream out) {
        VerifierOptions options;
        try {
            options = VerifierOptions.parse(args);
        } catch (VerifierOptions.Unusable e) {
            out.println(e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the export: " + e.getClass().getSimpleName());
            return 2;
        }
        try {
            var report = verify(options);
            print(report, options, out);
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the export: " + e.getClass().getSimpleName());
            return 2;
        }
    }

    /** With the default cadence, no anchors and tokens checked against the certificates they carry. */
    public static VerificationReport verify(Path file, Set<String> pinnedKeys) throws IOException {
        return verify(new VerifierOptions(file, pinnedKeys, new TreeMap<>(), Cadence.DEFAULT, null));
    }

    /** Two passes so that memory stays constant: checkpoints and keys (written last) first, then the entries. */
    static VerificationReport verify(VerifierOptions options) throws IOException {
        var file = options.file();
        var checkpoints = new ArrayList<Checkpoint>();
        var oddEntries = new ArrayList<LedgerEntry>();
        Map<String, String> keys = new HashMap<>();
        forEachLine(file, false, parsed -> {
            switch (parsed) {
                case Checkpoint c -> checkpoints.add(c);
                case LedgerEntry e -> oddEntries.add(e);
                case Map<?, ?> m -> m.forEach((k, v) -> keys.put((String) k, (String) v));
                default -> {}
            }
        });
        var withKeys = checkpoints.stream()
                .map(c -> c.withPublicKey(keys.getOrDefault(c.keyId(), "")))
                .toList();
        var verifier = new ChainVerifier(withKeys, options.pinnedKeys(), options.cadence());
        options.anchors().forEach((sequence, hash) -> verifier.expect(sequence, hash, ChainVerifier.Anchor.AUDIT));
        if (options.tsa() != null) {
            verifier.trustTimestampsFrom(options.tsa());
        }
        oddEntries.forEach(e -> verifier.reject(e.sequence(), "an entry line is not in the form Gardien writes"));
        forEachLine(file, true, parsed -> {
            if (parsed instanceof LedgerEntry e) {
                verifier.accept(e);
            }
        });
        return verifier.finish();
    }

    private static void forEachLine(Path file, boolean entries, Consumer<Object> consumer) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && line.startsWith(ENTRY_LINE) == entries) {
                    consumer.accept(ExportLines.parse(line));
                }
            }
        }
    }

    static void print(VerificationReport r, VerifierOptions options, PrintStream out) {
        if (!r.valid()) {
            out.printf("INVALID at sequence %d: %s%n", r.firstInvalidSequence(), r.problem());
            return;
        }
        out.printf("VALID: %d entries, head %s, %d signed checkpoints%n", r.entries(), r.headHash(), r.checkpoints());
        if (r.timestamps() > 0) {
            out.printf(
                    "timestamps: %d checkpoints carry a valid RFC 3161 token, the last dated %s by the authority (%s)%n",
                    r.timestamps(),
                    CanonicalForm.time(r.lastTimestamp()),
                    options.tsa() != null
                            ? "signed by the --tsa-cert certificate"
                            : "checked with the certificate in the token only; give --tsa-cert to trust the authority");
        }
    }
}
