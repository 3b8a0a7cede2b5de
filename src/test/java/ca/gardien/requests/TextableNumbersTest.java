package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which numbers Gardien sends its codes to by text message (attacker's review: SMS pumping through the portal). */
class TextableNumbersTest {

    @Test
    void refusesPremiumRateAndSatelliteNumbersAndTakesOrdinaryOnes() {
        assertThat(TextableNumbers.textable("+19005550199"))
                .as("premium rate (1-900)")
                .isFalse();
        assertThat(TextableNumbers.textable("+88213100123"))
                .as("satellite network, no country")
                .isFalse();
        assertThat(TextableNumbers.textable("+14185550100"))
                .as("a Québec number")
                .isTrue();
        assertThat(TextableNumbers.textable("+33612345678"))
                .as("a French mobile")
                .isTrue();
        assertThat(TextableNumbers.textable("not a number")).isFalse();
    }
}
