package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process decision benchmark (not a test): the hot path of {@code ConsentDecisions.decide} on warm caches, that is
 * parsing and normalizing {@code email:…}, the keyed hash of the identifier, the identifier → subject look-up and the
 * index decision. Prints p50, p99 and decisions/s for one thread. Run by {@code bench/consent/run.sh}.
 */
public final class DecisionBench {

    private DecisionBench() {}

    public static void main(String[] args) throws Exception {
        int subjects = 100_000;
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        var key = KeyedDigest.loadOrCreate(Files.createTempDirectory("bench-keys"), "consent-hmac.key");
        var index = new DecisionIndex();
        var known = new ConcurrentHashMap<String, UUID>(); // what Subjects caches after the first look-up
        var emails = new String[subjects];
        for (int i = 0; i < subjects; i++) {
            emails[i] = "email:person" + i + "@example.test";
            var subject = UUID.randomUUID();
            var id = SubjectIdentifier.parse(emails[i], "CA");
            known.put(id.kind() + ":" + key.digest(id), subject);
            index.apply(subject, "newsletter", new DecisionIndex.Latest(i, UUID.randomUUID(), State.GRANTED, null));
        }
        var now = Instant.now();
        long sink = 0;
        for (int i = 0; i < 500_000; i++) { // warm-up
            sink += decide(emails[i % subjects], key, known, index, now)
                    .reason()
                    .length();
        }
        var nanos = new long[samples];
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            sink += decide(emails[(int) ((i * 7919L) % subjects)], key, known, index, now)
                    .reason()
                    .length();
            nanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        System.out.printf(
                "in-process decision (1 thread, %d subjects): p50 %.2f us, p99 %.2f us, %.0f decisions/s (sink %d)%n",
                subjects,
                nanos[samples / 2] / 1000.0,
                nanos[(int) (samples * 0.99)] / 1000.0,
                samples / (total / 1e9),
                sink);
    }

    static Decision decide(
            String subject, KeyedDigest key, ConcurrentHashMap<String, UUID> known, DecisionIndex index, Instant now) {
        var id = SubjectIdentifier.parse(subject, "CA");
        return index.decide(known.get(id.kind() + ":" + key.digest(id)), "newsletter", now);
    }
}
