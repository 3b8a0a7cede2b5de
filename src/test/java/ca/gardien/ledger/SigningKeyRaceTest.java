package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.Racers;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes started together on a shared, empty key folder (issue 21): one of them creates the ledger's signing key and
 * every node signs with that key, the one the folder holds, instead of each keeping the key it made in memory while the
 * files hold another's. Several rounds, each on a fresh folder, so that the race is run often enough to be lost.
 */
class SigningKeyRaceTest {

    static final int ROUNDS = 15;

    @TempDir
    Path keys;

    @Test
    void nodesRacingOnAnEmptyKeyFolderAllUseTheOneKeyItEndsUpHolding() throws Exception {
        var nodes = Racers.race(SigningKeyRaceNode.class, 4, keys.toString()).stream()
                .map(line -> line.split(","))
                .toList();

        for (int round = 0; round < ROUNDS; round++) {
            var onDisk = SigningKeys.loadOrCreate(keys.resolve("round" + round)).keyId();
            int r = round;
            assertThat(nodes.stream().map(ids -> ids[r]).toList())
                    .as(
                            "key ids used by the nodes in round %d (all: %s)",
                            round, nodes.stream().map(Arrays::toString).toList())
                    .containsOnly(onDisk);
        }
    }
}
