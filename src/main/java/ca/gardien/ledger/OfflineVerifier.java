package ca.gardien.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code java -jar gardien.jar verify-ledger FILE [--public-key PEM_FILE]}: verifies an export without a database or
 * a running Gardien. Exit 0 when valid, 1 when the export was tampered with, 2 when it cannot be read.
 */
public final class OfflineVerifier {

    private static final String ENTRY_LINE = "{\"type\":\"entry\"";

    private OfflineVerifier() {}

    public static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()
                || (args.size() != 1 && args.size() != 3)
                || (args.size() == 3 && !"--public-key".equals(args.get(1)))) {
            out.println("usage: verify-ledger FILE [--public-key PEM_FILE]");
            return 2;
        }
        try {
            Set<String> pinned = new HashSet<>();
            if (args.size() == 3) {
                pinned.add(Files.readString(Path.of(args.get(2))));
            }
            var report = verify(Path.of(args.get(0)), pinned);
            print(report, out);
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the export: " + e.getClass().getSimpleName());
            return 2;
        }
    }

    /** Two passes so that memory stays constant: checkpoints and keys (written last) first, then the entries. */
    public static VerificationReport verify(Path file, Set<String> pinnedKeys) throws IOException {
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
                .map(c -> new Checkpoint(
                        c.sequence(),
                        c.headHash(),
                        c.signedAt(),
                        c.keyId(),
                        keys.getOrDefault(c.keyId(), ""),
                        c.signature()))
                .toList();
        var verifier = new ChainVerifier(withKeys, pinnedKeys);
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

    static void print(VerificationReport r, PrintStream out) {
        if (r.valid()) {
            out.printf(
                    "VALID: %d entries, head %s, %d signed checkpoints%n", r.entries(), r.headHash(), r.checkpoints());
        } else {
            out.printf("INVALID at sequence %d: %s%n", r.firstInvalidSequence(), r.problem());
        }
    }
}
