package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An export is a snapshot an auditor verifies later: taken while entries keep arriving, it must still verify. */
@SpringBootTest(properties = "gardien.ledger.checkpoint-every-entries=1")
class LedgerExportConsistencyTest {

    /** Every batch is signed, so each export races with new checkpoints; bounded so that verifying stays quick. */
    static final int APPENDS = 300;

    @Autowired
    LedgerWriter writer;

    @Autowired
    EvidenceLedger ledger;

    @TempDir
    Path dir;

    @Test
    void anExportTakenWhileEntriesArriveVerifies() throws Exception {
        var appends = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < APPENDS; i++) {
                writer.append(Evidence.of(Instant.now(), Actor.SYSTEM, "test.appended", "record", "rec-" + i, Map.of()))
                        .join();
            }
        });
        int exports = 0;
        while (appends.isAlive() || exports < 3) {
            var out = new ByteArrayOutputStream();
            ledger.export(out);
            var file = Files.write(dir.resolve("export-" + exports + ".jsonl"), out.toByteArray());
            var report = OfflineVerifier.verify(file, Set.of(ledger.publicKeyPem()));
            assertThat(report.valid())
                    .as("export %d: %s", exports++, report.problem())
                    .isTrue();
        }
        appends.join();
    }
}
