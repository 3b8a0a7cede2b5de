package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fast encoder of the verifier produces exactly the documented canonical bytes and hash. */
class CanonicalEncoderTest {

    private final CanonicalEncoder encoder = new CanonicalEncoder();

    @Test
    void encodesRandomEntriesByteForByteAsTheReference() {
        var random = new SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            var at = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            var e = entry(
                    random.nextLong(0, Long.MAX_VALUE),
                    new UUID(random.nextLong(), random.nextLong()),
                    at,
                    at.plusMillis(random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)),
                    i % 3 == 0 ? "{\"nom\":\"Québec ✓ 😀\"}" : "{\"n\":\"" + i + "\"}");
            assertSameAsReference(e);
        }
    }

    @Test
    void encodesEdgeValuesAsTheReference() {
        var at = Instant.parse("2026-11-29T10:00:00.123456789Z");
        assertSameAsReference(entry(1, new UUID(0, 0), at, at, "{}"));
        assertSameAsReference(entry(Long.MAX_VALUE, new UUID(-1, -1), at, at, "{}"));
        assertSameAsReference(entry(-5, UUID.randomUUID(), at, at, "{}"));
        assertSameAsReference(entry(9, UUID.randomUUID(), Instant.parse("0000-01-01T00:00:00Z"), at, "{}"));
        assertSameAsReference(entry(10, UUID.randomUUID(), Instant.parse("9999-12-31T23:59:59.999Z"), at, "{}"));
        assertSameAsReference(entry(11, UUID.randomUUID(), Instant.parse("2024-02-29T23:59:59.999Z"), at, "{}"));
        assertSameAsReference(entry(12, UUID.randomUUID(), Instant.parse("1969-12-31T23:59:59.999Z"), at, "{}"));
        assertSameAsReference(entry(
                13,
                UUID.randomUUID(),
                Instant.parse("-0001-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                "{}"));
        assertSameAsReference(entry(14, UUID.randomUUID(), at, at, "x".repeat(5000)));
    }

    @Test
    void hashesTheDocumentedSampleEntriesToTheirRecordedHashes() {
        TestChains.entries(50).forEach(e -> assertThat(encoder.entryHash(e)).isEqualTo(e.hash()));
    }

    private void assertSameAsReference(LedgerEntry e) {
        var bytes = encoder.canonicalBytes(e);
        if (bytes != null) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CanonicalForm.entryText(e));
        }
        assertThat(encoder.entryHash(e)).isEqualTo(CanonicalForm.entryHash(e));
    }

    private static LedgerEntry entry(
            long sequence, UUID eventId, Instant recordedAt, Instant occurredAt, String payload) {
        return new LedgerEntry(
                sequence,
                eventId,
                recordedAt,
                occurredAt,
                Actor.account(UUID.nameUUIDFromBytes(payload.getBytes(StandardCharsets.UTF_8))),
                "consent.recorded",
                "consent",
                "objet-é-" + sequence,
                payload,
                "ab".repeat(32),
                null);
    }
}
