package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.shared.Actor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Checkpoints timestamped by an RFC 3161 authority (here a local one): the token is stored, exported and checked by the
 * offline verifier; an authority that fails or hangs costs a recorded failure, never an append.
 */
@SpringBootTest(properties = {"gardien.ledger.checkpoint-every-entries=2", "gardien.ledger.tsa-timeout=3s"})
class LedgerTimestampTest {

    static final LocalTimeStampAuthority TSA = start();

    @DynamicPropertySource
    static void authority(DynamicPropertyRegistry registry) {
        registry.add("gardien.ledger.tsa-url", () -> TSA.url().toString());
    }

    @AfterAll
    static void stop() {
        TSA.close();
    }

    @Autowired
    LedgerWriter writer;

    @Autowired
    EvidenceLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void storesExportsAndVerifiesTheAuthoritysTokenAndRejectsATamperedOne() throws Exception {
        TSA.mode = LocalTimeStampAuthority.Mode.GRANT;
        var first = timestampedCheckpoint();
        var second = timestampedCheckpoint();
        var export = export();
        assertThat(export).anyMatch(l -> l.contains("\"sequence\":" + first + ",") && l.contains("\"timestamp\":\""));
        var cert = Files.writeString(dir.resolve("tsa.pem"), TSA.certificatePem());

        assertThat(verify(export, "--tsa-cert", cert.toString()))
                .startsWith("0 VALID: ")
                .containsPattern("timestamps: \\d+ checkpoints carry a valid RFC 3161 token, the last dated "
                        + "20\\d\\d-.*Z by the authority \\(signed by the --tsa-cert certificate\\)");
        assertThat(verify(export)).contains("give --tsa-cert to trust the authority");
        assertThat(ledger.verify().timestamps()).isGreaterThanOrEqualTo(2);
        assertThat(openSslVerifies(export, second, cert))
                .as("openssl ts -verify, as documented")
                .isTrue();

        var swapped = swapTokens(export, first, second);
        assertThat(verify(swapped, "--tsa-cert", cert.toString()))
                .isEqualTo(
                        "1 INVALID at sequence %d: the timestamp token of checkpoint %d does not match the checkpoint:"
                                        .formatted(first, first)
                                + " it was altered or belongs to another checkpoint");
        try (var other = new LocalTimeStampAuthority()) {
            var untrusted = Files.writeString(dir.resolve("other.pem"), other.certificatePem());
            assertThat(verify(export, "--tsa-cert", untrusted.toString()))
                    .startsWith("1 INVALID at sequence ")
                    .endsWith("is not signed by the given authority");
        }
    }

    @Test
    void signsAndAppendsWhileTheAuthorityHangsAndRecordsTheFailure() throws Exception {
        TSA.mode = LocalTimeStampAuthority.Mode.HANG;
        int before = TSA.requests.get();
        var started = System.nanoTime();
        LedgerEntry last = null;
        for (int i = 0; i < 4; i++) {
            last = writer.append(evidence()).get(5, TimeUnit.SECONDS);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("appends wait for no authority")
                .isLessThan(Duration.ofSeconds(5));
        long signed = jdbc.queryForObject("SELECT MAX(sequence) FROM ledger_checkpoint", Long.class);
        assertThat(signed).as("checkpoints are still signed").isGreaterThanOrEqualTo(last.sequence() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TSA.requests.get() > before);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_entry WHERE action = 'ledger.timestamp-failed'",
                                Long.class)
                        > 0);
        assertThat(jdbc.queryForObject(
                        "SELECT payload FROM ledger_entry WHERE action = 'ledger.timestamp-failed'", String.class))
                .contains("\"reason\":\"timeout\"");
    }

    /** Appends two entries (a checkpoint is due) and waits for the authority's token; returns its sequence. */
    long timestampedCheckpoint() throws Exception {
        writer.append(evidence()).get(5, TimeUnit.SECONDS);
        writer.append(evidence()).get(5, TimeUnit.SECONDS);
        long last = jdbc.queryForObject("SELECT MAX(sequence) FROM ledger_checkpoint", Long.class);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_checkpoint_timestamp WHERE sequence = ?", Long.class, last)
                        == 1);
        return last;
    }

    /** docs/ledger-format.md, section 9: the token checked with openssl alone (skipped without openssl). */
    boolean openSslVerifies(List<String> export, long sequence, Path cert) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ExportFiles.toolsPresent());
        var checkpoint = (Checkpoint) export.stream()
                .map(ExportLines::parse)
                .filter(p -> p instanceof Checkpoint c && c.sequence() == sequence)
                .findFirst()
                .orElseThrow();
        var token = Files.write(dir.resolve("token.der"), Base64.getDecoder().decode(checkpoint.timestampToken()));
        var digest = CanonicalForm.sha256Hex(checkpoint.text().getBytes(StandardCharsets.UTF_8));
        var process = new ProcessBuilder(
                        "openssl",
                        "ts",
                        "-verify",
                        "-token_in",
                        "-in",
                        token.toString(),
                        "-digest",
                        digest,
                        "-CAfile",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var text = new ProcessBuilder(
                        "openssl", "ts", "-reply", "-token_in", "-in", token.toString(), "-token_out", "-text")
                .redirectErrorStream(true)
                .start();
        var dated = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0
                && output.contains("Verification: OK")
                && text.waitFor() == 0
                && dated.contains("Time stamp: ");
    }

    List<String> export() {
        var out = new ByteArrayOutputStream();
        ledger.export(out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Puts the token of checkpoint {@code a} on checkpoint {@code b} and the reverse. */
    static List<String> swapTokens(List<String> export, long a, long b) {
        var tokenA = token(export, a);
        var tokenB = token(export, b);
        var swapped = new ArrayList<String>();
        for (var line : export) {
            if (line.startsWith("{\"type\":\"checkpoint\",\"sequence\":" + a + ",")) {
                line = line.replace(tokenA, tokenB);
            } else if (line.startsWith("{\"type\":\"checkpoint\",\"sequence\":" + b + ",")) {
                line = line.replace(tokenB, tokenA);
            }
            swapped.add(line);
        }
        return swapped;
    }

    static String token(List<String> export, long sequence) {
        return export.stream()
                .map(ExportLines::parse)
                .filter(p -> p instanceof Checkpoint c && c.sequence() == sequence)
                .map(p -> ((Checkpoint) p).timestampToken())
                .findFirst()
                .map(t -> {
                    Base64.getDecoder().decode(t); // a real token
                    return t;
                })
                .orElseThrow();
    }

    String verify(List<String> lines, String... options) throws Exception {
        var file = Files.write(Files.createTempFile(dir, "ledger", ".jsonl"), lines, StandardCharsets.UTF_8);
        var args = new ArrayList<>(List.of(file.toString(), "--public-key"));
        args.add(Files.writeString(dir.resolve("ledger.pub"), ledger.publicKeyPem())
                .toString());
        args.addAll(List.of(options));
        var out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8).strip();
    }

    static Evidence evidence() {
        return Evidence.of(Instant.now(), Actor.SYSTEM, "test.timestamped", "record", "rec-1", Map.of());
    }

    private static LocalTimeStampAuthority start() {
        try {
            return new LocalTimeStampAuthority();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
