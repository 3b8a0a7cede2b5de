package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.Racers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes started together on a shared, empty key folder (issue 21): they end up with one OpenCompliance key and one
 * certificate, the certificate is that key's, and every node signs with it. Several rounds, each on a fresh folder.
 */
class ProcessorKeyRaceTest {

    static final int ROUNDS = 10;

    @TempDir
    Path keys;

    @Test
    void nodesRacingOnAnEmptyKeyFolderAllUseOneKeyMatchingItsCertificate() throws Exception {
        var nodes = Racers.race(ProcessorKeyRaceNode.class, 4, keys.toString()).stream()
                .map(line -> line.split(","))
                .toList();

        var body = "{}".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < ROUNDS; round++) {
            var onDisk = ProcessorKey.loadOrCreate(keys.resolve("round" + round), "gardien.example");
            var certified =
                    HexFormat.of().formatHex(onDisk.certificate().getPublicKey().getEncoded());
            int r = round;
            assertThat(nodes.stream().map(used -> used[r]).toList())
                    .as("certified keys of the nodes in round %d", round)
                    .containsOnly(certified);
            var check = Signature.getInstance(ProcessorKey.ALGORITHM);
            check.initVerify(onDisk.certificate());
            check.update(body);
            assertThat(check.verify(Base64.getDecoder().decode(onDisk.sign(body))))
                    .as("the key on disk matches its certificate in round %d", round)
                    .isTrue();
        }
    }
}
