package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesTimesExactlyAsTheDocumentedPatternDoes() {
        var random = new SplittableRandom(25);
        for (int i = 0; i < 100_000; i++) {
            var instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            assertThat(CanonicalForm.time(instant)).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void padsEveryFieldToItsFixedWidth() {
        assertThat(CanonicalForm.time(Instant.parse("0007-01-02T03:04:05.006Z")))
                .isEqualTo("0007-01-02T03:04:05.006Z");
        assertThat(CanonicalForm.time(Instant.parse("2026-11-29T10:00:00Z"))).isEqualTo("2026-11-29T10:00:00.000Z");
    }
}
