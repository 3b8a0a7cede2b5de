package ca.gardien.ledger;

import ca.gardien.support.Racers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * One node of {@link SigningKeyRaceTest}: in each round, loads or creates the ledger key in that round's empty folder;
 * prints the key ids it used, one per round.
 */
public final class SigningKeyRaceNode {

    public static void main(String[] args) throws Exception {
        SigningKeys.loadOrCreate(Files.createTempDirectory("warm-up")); // classes loaded: the rounds race tightly
        var ids = new ArrayList<String>();
        for (int round = 0; round < SigningKeyRaceTest.ROUNDS; round++) {
            Racers.awaitRound(args, round, 100);
            ids.add(SigningKeys.loadOrCreate(Path.of(args[1]).resolve("round" + round))
                    .keyId());
        }
        System.out.println(String.join(",", ids));
    }
}
