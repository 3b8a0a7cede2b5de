package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The wait between two batches of a sweep: the longer of the fixed pause and the batch's own time times the ratio, so
 * that a sweep slowed down by the application's load backs off by itself.
 */
class RetentionPauseTest {

    private static RetentionProperties settings(Duration pause, Double ratio) {
        return new RetentionProperties(null, pause, ratio, null, null, null, null, null);
    }

    @Test
    void aQuickBatchWaitsTheFixedPauseAndASlowOneAsLongAsItTookAsShipped() {
        var shipped = settings(null, null);
        assertThat(shipped.pause()).isEqualTo(Duration.ofMillis(20));
        assertThat(shipped.pauseRatio()).isEqualTo(1.0);
        assertThat(shipped.pauseAfter(Duration.ofMillis(5))).isEqualTo(Duration.ofMillis(20));
        assertThat(shipped.pauseAfter(Duration.ofMillis(180))).isEqualTo(Duration.ofMillis(180));
    }

    @Test
    void theRatioScalesTheBatchTimeAndZeroLeavesTheFixedPauseAlone() {
        assertThat(settings(Duration.ofMillis(10), 0.5).pauseAfter(Duration.ofMillis(100)))
                .isEqualTo(Duration.ofMillis(50));
        assertThat(settings(Duration.ofMillis(10), 0.0).pauseAfter(Duration.ofMillis(100)))
                .isEqualTo(Duration.ofMillis(10));
        assertThat(settings(Duration.ZERO, 0.0).pauseAfter(Duration.ofSeconds(3)))
                .isZero();
    }

    @Test
    void aNegativeOrNonsenseSettingFallsBackToTheShippedOneAndTheRatioIsBounded() {
        assertThat(settings(Duration.ofMillis(-5), -1.0).pause()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings(null, Double.NaN).pauseRatio()).isEqualTo(1.0);
        assertThat(settings(null, 1e9).pauseRatio()).isEqualTo(100.0);
    }
}
