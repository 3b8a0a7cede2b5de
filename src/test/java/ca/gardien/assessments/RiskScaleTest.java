package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A risk's rating is likelihood × severity on the configured scale, read low, medium or high against its top. */
class RiskScaleTest {

    static RiskScale scale(int size) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/assessments");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new RiskScale(new AssessmentsProperties(null, size, null, null, null, null), messages);
    }

    @Test
    void onTheDefaultScaleOfFourTheBandsAreAQuarterAndAHalfOfSixteen() {
        var four = scale(4);
        assertThat(four.level(1, 3)).isEqualTo("low");
        assertThat(four.level(2, 2)).isEqualTo("medium");
        assertThat(four.level(2, 4)).isEqualTo("high");
        assertThat(four.describe(3, 4, Locale.CANADA_FRENCH)).isEqualTo("3 × 4 = 12 / 16 (élevé)");
        assertThat(four.describe(1, 2, Locale.ENGLISH)).isEqualTo("1 × 2 = 2 / 16 (low)");
    }

    @Test
    void aScaleOfFiveMovesTheBands() {
        var five = scale(5);
        assertThat(five.level(2, 3)).isEqualTo("low");
        assertThat(five.level(3, 3)).isEqualTo("medium");
        assertThat(five.level(3, 5)).isEqualTo("high");
        assertThat(five.describe(5, 5, Locale.ENGLISH)).isEqualTo("5 × 5 = 25 / 25 (high)");
    }

    @Test
    void aScaleOutsideTwoToTenIsRefusedAtStart() {
        assertThatThrownBy(() -> new AssessmentsProperties(null, 1, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gardien.assessments.scale");
        assertThatThrownBy(() -> new AssessmentsProperties(null, 11, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
