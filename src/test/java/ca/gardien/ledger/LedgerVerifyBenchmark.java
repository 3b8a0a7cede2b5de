package ca.gardien.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * BM-4 (bench/README.md): entries per second through {@link ChainVerifier#accept} (canonical text, UTF-8, SHA-256,
 * hex, link and checkpoint checks) against a loop that only SHA-256-digests the same canonical bytes, prepared in
 * advance, on one thread, in the same run. Signature checks happen once per checkpoint in {@code finish()} and are
 * timed separately.
 *
 * <p>Arguments: {@code [entries] [rounds] [checkpoint every]}, default {@code 1000000 5 1000}.
 */
public final class LedgerVerifyBenchmark {

    /** Where the digest loop's results go, so that the JIT cannot drop the work. */
    static long sink;

    private LedgerVerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        var entries = TestChains.entries(count);
        var keyDirectory = Files.createTempDirectory("gardien-bench-keys");
        var keys = TestChains.keys(keyDirectory);
        ca.gardien.support.BenchApplication.deleteTree(keyDirectory);
        var checkpoints = new ArrayList<Checkpoint>();
        checkpoints.add(TestChains.checkpoint(keys, entries.getFirst())); // the first batch is signed, as Gardien does
        for (int i = every - 1; i < count; i += every) {
            checkpoints.add(TestChains.checkpoint(keys, entries.get(i)));
        }
        var canonical = entries.stream()
                .map(e -> CanonicalForm.entryText(e).getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        System.out.printf(
                "BM-4 verification vs MessageDigest: %,d entries, canonical text %.0f B on average, %d checkpoints,"
                        + " 1 thread%n",
                count,
                Arrays.stream(canonical).mapToInt(b -> b.length).average().orElse(0),
                checkpoints.size());
        for (int i = 0; i < 3; i++) {
            verify(entries, checkpoints, keys.publicKeyPem());
            digest(canonical);
        }
        System.gc(); // so that the garbage of building the chain is not collected inside a measured round
        var verifier = new double[rounds];
        var digest = new double[rounds];
        var verifierCpu = new double[rounds];
        var digestCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            var v = verify(entries, checkpoints, keys.publicKeyPem());
            var d = digest(canonical);
            verifier[r] = v.wall();
            digest[r] = d.wall();
            verifierCpu[r] = v.cpu();
            digestCpu[r] = d.cpu();
            System.out.printf(
                    "round %d: ChainVerifier.accept %,.0f entries/s | MessageDigest %,.0f digests/s | ratio %.2f"
                            + " | on CPU time: %,.0f | %,.0f | ratio %.2f%n",
                    r + 1, v.wall(), d.wall(), v.wall() / d.wall(), v.cpu(), d.cpu(), v.cpu() / d.cpu());
        }
        System.out.printf(
                "median: ChainVerifier.accept %,.0f entries/s | MessageDigest %,.0f digests/s | verifier/digest = %.2f%n",
                median(verifier), median(digest), median(verifier) / median(digest));
        System.out.printf(
                "median on the thread's CPU time: ChainVerifier.accept %,.0f entries/s | MessageDigest %,.0f digests/s"
                        + " | verifier/digest = %.2f%n",
                median(verifierCpu), median(digestCpu), median(verifierCpu) / median(digestCpu));
        breakdown(entries);
        long start = System.nanoTime();
        var verifierWithFinish = new ChainVerifier(checkpoints, Set.of(keys.publicKeyPem()));
        entries.forEach(verifierWithFinish::accept);
        long walked = System.nanoTime();
        var report = verifierWithFinish.finish();
        System.out.printf(
                "whole verification: %.2f s walk + %.2f s for %d checkpoint signatures, valid=%s%n",
                (walked - start) / 1e9, (System.nanoTime() - walked) / 1e9, checkpoints.size(), report.valid());
    }

    /**
     * Per second of elapsed time, and per second of the measuring thread's CPU time: on a shared machine the latter
     * leaves out the time other processes took the core, which affects both sides unevenly.
     */
    record Rate(double wall, double cpu) {
        static Rate of(long operations, long wallNanos, long cpuNanos) {
            return new Rate(operations / (wallNanos / 1e9), operations / (cpuNanos / 1e9));
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** @return entries per second of the chain walk; the report is checked so the work cannot be skipped. */
    private static Rate verify(List<LedgerEntry> entries, List<Checkpoint> checkpoints, String key) {
        var verifier = new ChainVerifier(checkpoints, Set.of(key));
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (var e : entries) {
            verifier.accept(e);
        }
        long elapsed = System.nanoTime() - start;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        var report = verifier.finish();
        if (!report.valid() || report.entries() != entries.size()) {
            throw new IllegalStateException("benchmark chain does not verify: " + report.problem());
        }
        return Rate.of(entries.size(), elapsed, cpu);
    }

    private static Rate digest(byte[][] canonical) {
        var digest = CanonicalForm.sha256();
        long acc = 0;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (var bytes : canonical) {
            acc += digest.digest(bytes)[0];
        }
        long elapsed = System.nanoTime() - start;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        sink += acc;
        return Rate.of(canonical.length, elapsed, cpu);
    }

    /** Where a walk step's time goes: nanoseconds per entry of the stages of {@code accept}, and of the reference. */
    private static void breakdown(List<LedgerEntry> entries) {
        var digest = CanonicalForm.sha256();
        var encoder = new CanonicalEncoder();
        var stages = new java.util.LinkedHashMap<String, java.util.function.ToLongFunction<LedgerEntry>>();
        stages.put("canonical bytes (CanonicalEncoder, + a copy)", e -> encoder.canonicalBytes(e).length);
        stages.put(
                "+ SHA-256 + hex (CanonicalEncoder.entryHash)",
                e -> encoder.entryHash(e).length());
        stages.put(
                "for comparison, the reference text",
                e -> CanonicalForm.entryText(e).length());
        stages.put(
                "+ UTF-8 + SHA-256 + hex (CanonicalForm.entryHash)",
                e -> CanonicalForm.entryHash(e, digest).length());
        var line = new StringBuilder("breakdown, ns of CPU time per entry:");
        for (var stage : stages.entrySet()) {
            long best = Long.MAX_VALUE;
            for (int pass = 0; pass < 3; pass++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (var e : entries) {
                    sink += stage.getValue().applyAsLong(e);
                }
                best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
            }
            line.append(" %s %.0f;".formatted(stage.getKey(), (double) best / entries.size()));
        }
        System.out.println(line);
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
