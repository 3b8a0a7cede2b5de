package ca.gardien.ledger;

import static ca.gardien.ledger.ExportFiles.relinked;
import static ca.gardien.ledger.ExportFiles.verdict;
import static ca.gardien.ledger.ExportFiles.withObjectId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.shared.Actor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/verify-ledger.sh is what an auditor runs without Gardien: on a real export it must reach the same verdict as
 * Gardien's own verifier, in the same words, for an untouched export and for each kind of tampering.
 */
@SpringBootTest(properties = "gardien.ledger.checkpoint-every-entries=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFormatScriptTest {

    /** Quotes, backslashes and non-ASCII text: what a naive shell or JSON round trip would get wrong. */
    static final String AWKWARD_VALUE = "said \"yes\" at C:\\forms\\v2 — café é ✓";
    /** Text that printf, echo or an unquoted expansion would interpret, and a literal backslash-n that is not a newline. */
    static final String SHELL_VALUE = "100%s %d $(exit 1) `exit 1` $HOME \\n \\\\ '' \\u00e9 \u2028 end";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventPublicationRegistry publications;

    @Autowired
    EvidenceLedger ledger;

    @TempDir
    Path dir;

    List<String> exported;
    long entries;

    @BeforeAll
    void recordEvidenceAndExport() {
        var evidence = List.of(
                evidence("consent.recorded", Map.of("purpose", "newsletter", "note", AWKWARD_VALUE)),
                evidence("consent.withdrawn", Map.of("purpose", "newsletter")),
                evidence("request.received", Map.of("kind", "access", "count", "3")),
                evidence("request.closed", Map.of("outcome", "fulfilled", "path", "C:\\temp\\", "shell", SHELL_VALUE)),
                evidence("policy.published", Map.of("version", "2", "digest", "sha256:0f1e2d")));
        transactions.executeWithoutResult(status -> evidence.forEach(events::publishEvent));
        // Also waits for evidence published at start-up (the bootstrap account), so that the export is final.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> publications.findIncompletePublications().isEmpty());
        entries = ledger.status().entries();
        assertThat(entries).isGreaterThanOrEqualTo(evidence.size());
        var out = new ByteArrayOutputStream();
        ledger.export(out);
        exported = out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void exportLinesStartWithTheDocumentedFields() {
        assertThat(exported)
                .allMatch(line -> line.startsWith("{\"type\":\"entry\",\"sequence\":")
                        || line.startsWith("{\"type\":\"checkpoint\",\"sequence\":")
                        || line.startsWith("{\"type\":\"key\",\"keyId\":"));
    }

    @Test
    void scriptAcceptsAnUntouchedExport() throws Exception {
        assertThat(verdict(write(exported)))
                .isEqualTo("0 VALID: %d entries, head %s, %d signed checkpoints"
                        .formatted(entries, ledger.status().headHash(), checkpoints()));
    }

    @Test
    void scriptAcceptsAnUntouchedExportWithThePinnedPublicKey() throws Exception {
        var key = Files.writeString(dir.resolve("ledger.pub"), ledger.publicKeyPem());
        assertThat(verdict(write(exported), key)).startsWith("0 VALID: %d entries".formatted(entries));
    }

    @Test
    void scriptRejectsCheckpointsSignedByAKeyOtherThanThePinnedOne() throws Exception {
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(other.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        var key = Files.writeString(dir.resolve("other.pub"), pem);
        assertThat(verdict(write(exported), key))
                .isEqualTo("1 INVALID at sequence 1: checkpoint signature is invalid or made with an untrusted key");
    }

    @Test
    void scriptRejectsAModifiedPayload() throws Exception {
        var modified =
                exported.stream().map(line -> line.replace("café", "cafe")).toList();
        var sequence =
                exported.stream().filter(l -> l.contains("café")).findFirst().map(ExportLines::parse);
        assertThat(verdict(write(modified)))
                .isEqualTo("1 INVALID at sequence %d: hash does not match the entry's content: the entry was modified"
                        .formatted(((LedgerEntry) sequence.orElseThrow()).sequence()));
    }

    @Test
    void scriptRejectsADeletedEntry() throws Exception {
        var deleted = new ArrayList<>(exported);
        deleted.removeIf(line -> line.startsWith("{\"type\":\"entry\",\"sequence\":3,"));
        assertThat(verdict(write(deleted)))
                .isEqualTo("1 INVALID at sequence 3: found sequence 4 where 3 was expected: "
                        + "an entry was deleted, inserted or reordered");
    }

    @Test
    void scriptRejectsATruncationPastACheckpoint() throws Exception {
        var lastCheckpoint = ledger.status().lastCheckpoint().orElseThrow().sequence();
        var truncated = new ArrayList<>(exported);
        truncated.removeIf(line -> ExportLines.parse(line) instanceof LedgerEntry e && e.sequence() >= lastCheckpoint);
        assertThat(verdict(write(truncated)))
                .isEqualTo("1 INVALID at sequence %d: checkpoint %d refers to entries that are missing: "
                                .formatted(lastCheckpoint, lastCheckpoint)
                        + "the ledger was truncated");
    }

    @Test
    void scriptRejectsARehashedChainThatACheckpointCovers() throws Exception {
        // The first batch of a ledger is always signed, so a forged entry 1 is covered by a checkpoint.
        var forged = relinked(exported, e -> e.sequence() == 1 ? withObjectId(e, "rec-9999") : e);
        assertThat(verdict(write(forged)))
                .matches(
                        "1 INVALID at sequence \\d+: entry differs from the signed checkpoint: the chain was rewritten");
    }

    long checkpoints() {
        return exported.stream()
                .filter(l -> l.startsWith("{\"type\":\"checkpoint\""))
                .count();
    }

    Path write(List<String> lines) throws IOException {
        return Files.write(Files.createTempFile(dir, "ledger", ".jsonl"), lines, StandardCharsets.UTF_8);
    }

    static Evidence evidence(String action, Map<String, String> payload) {
        return Evidence.of(Instant.now(), Actor.account("acct-0001"), action, "record", "rec-0001", payload);
    }
}
