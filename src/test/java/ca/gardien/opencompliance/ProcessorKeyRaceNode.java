package ca.gardien.opencompliance;

import ca.gardien.support.Racers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;

/**
 * One node of {@link ProcessorKeyRaceTest}: in each round, loads or creates the signing key in that round's empty
 * folder; prints the certified public keys it used, one per round.
 */
public final class ProcessorKeyRaceNode {

    public static void main(String[] args) throws Exception {
        ProcessorKey.loadOrCreate(Files.createTempDirectory("warm-up"), "warm.up"); // the rounds race tightly
        var used = new ArrayList<String>();
        for (int round = 0; round < ProcessorKeyRaceTest.ROUNDS; round++) {
            Racers.awaitRound(args, round, 150);
            var key = ProcessorKey.loadOrCreate(Path.of(args[1]).resolve("round" + round), "gardien.example");
            used.add(HexFormat.of().formatHex(key.certificate().getPublicKey().getEncoded()));
        }
        System.out.println(String.join(",", used));
    }
}
