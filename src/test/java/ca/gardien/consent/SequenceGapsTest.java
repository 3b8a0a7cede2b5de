package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceGapsTest {

    static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void numbersSkippedByAPollAreAskedForUntilTheyAppear() {
        var gaps = new SequenceGaps(Duration.ofMinutes(10));
        gaps.polled(10, List.of(11L, 13L, 16L), T0);
        assertThat(gaps.pending()).containsExactly(12L, 14L, 15L);

        gaps.polled(16, List.of(14L, 17L), T0.plusSeconds(30));
        assertThat(gaps.pending()).containsExactly(12L, 15L);
    }

    @Test
    void aNumberMissingLongerThanThePatienceIsTakenAsRolledBack() {
        var gaps = new SequenceGaps(Duration.ofMinutes(10));
        gaps.polled(0, List.of(1L, 3L), T0);
        gaps.polled(3, List.of(6L), T0.plus(Duration.ofMinutes(9)));
        assertThat(gaps.pending()).containsExactly(2L, 4L, 5L);

        gaps.polled(6, List.of(), T0.plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(gaps.pending()).containsExactly(4L, 5L);
    }

    @Test
    void theFirstPollOfALongTableKeepsOnlyTheLatestGaps() {
        var gaps = new SequenceGaps(Duration.ofMinutes(10));
        gaps.polled(0, List.of(1L, 50_000L), T0);
        assertThat(gaps.pending()).hasSize(SequenceGaps.MAX).first().isEqualTo(50_000L - SequenceGaps.MAX);
    }
}
