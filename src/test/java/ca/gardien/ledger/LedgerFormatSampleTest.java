package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/examples/ledger-sample.jsonl is the real export that docs/ledger-format.md works through by hand: the texts,
 * hashes and verdicts printed there must stay what the code computes, or the document has become wrong.
 */
class LedgerFormatSampleTest {

    static final Path SAMPLE = Path.of("docs/examples/ledger-sample.jsonl");
    static final Path KEY = Path.of("docs/examples/ledger-sample.pub");

    @Test
    void theDocumentedCanonicalTextOfEntryOneHashesToItsHash() throws IOException {
        var first = (LedgerEntry) ExportLines.parse(Files.readAllLines(SAMPLE).getFirst());
        var text = """
                gardien-ledger-v1
                0000000000000000000000000000000000000000000000000000000000000000
                1
                856ae784-58dc-43b4-963d-a21c41dd5237
                2026-11-29T08:51:02.979Z
                2026-11-29T08:51:02.821Z
                SYSTEM
                gardien
                account.created
                account
                a481ce0c-38f8-4bed-8e41-6663c00f7276
                {"roles":"PRIVACY_OFFICER"}""";
        assertThat(CanonicalForm.entryText(first)).isEqualTo(text);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(275);
        assertThat(CanonicalForm.entryHash(first))
                .isEqualTo(first.hash())
                .isEqualTo("ec251fc8925908efd25b815bb62d50df3062800add0d525a39c1dafdbe410400");
    }

    @Test
    void theDocumentedCheckpointTextIsTheSignedOne() {
        assertThat(CanonicalForm.checkpointText(
                        1,
                        "ec251fc8925908efd25b815bb62d50df3062800add0d525a39c1dafdbe410400",
                        Instant.parse("2026-11-29T08:51:02.979Z"),
                        "e7c6bbefa02838e2"))
                .isEqualTo(
                        "gardien-checkpoint-v1\n1\nec251fc8925908efd25b815bb62d50df3062800add0d525a39c1dafdbe410400\n"
                                + "2026-11-29T08:51:02.979Z\ne7c6bbefa02838e2");
    }

    @Test
    void bothVerifiersAcceptTheSampleWithItsPinnedKey() throws Exception {
        assertThat(ExportFiles.verdict(SAMPLE, KEY))
                .isEqualTo("0 VALID: 6 entries, head 76499e40f97becc5e39287d6e19dc988572b13bc8d4b08b560e06ee2615b092f, "
                        + "2 signed checkpoints");
    }

    @Test
    void bothVerifiersRejectTheDocumentedTampering(@TempDir Path dir) throws Exception {
        var lines = Files.readAllLines(SAMPLE);
        var modified = Files.write(
                dir.resolve("modified.jsonl"),
                lines.stream().map(l -> l.replace("café", "cafe")).toList());
        var truncated = Files.write(
                dir.resolve("truncated.jsonl"),
                lines.stream()
                        .filter(l -> !l.contains("\"type\":\"entry\",\"sequence\":6,"))
                        .toList());
        assertThat(ExportFiles.verdict(modified, KEY))
                .isEqualTo("1 INVALID at sequence 3: hash does not match the entry's content: the entry was modified");
        assertThat(ExportFiles.verdict(truncated, KEY))
                .isEqualTo("1 INVALID at sequence 6: checkpoint 6 refers to entries that are missing: "
                        + "the ledger was truncated");
    }
}
