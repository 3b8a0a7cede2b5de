package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskAssessmentTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    static RiskAssessment.Answers answers(Level s, Level c, Level l, Boolean serious, String overrideReason) {
        return new RiskAssessment.Answers(
                s,
                "health information",
                c,
                "identity theft possible",
                l,
                "file posted publicly",
                "phishing",
                TODAY.minusDays(1),
                "the person in charge agreed",
                serious,
                overrideReason);
    }

    @ParameterizedTest(name = "sensitivity {0}, consequences {1}, likelihood {2} -> serious {3}")
    @CsvSource({
        "HIGH, LOW, LOW, false",
        "HIGH, HIGH, LOW, false",
        "HIGH, LOW, MEDIUM, true",
        "LOW, HIGH, MEDIUM, true",
        "MEDIUM, MEDIUM, MEDIUM, false",
        "MEDIUM, MEDIUM, HIGH, true",
        "LOW, MEDIUM, HIGH, false",
        "LOW, LOW, HIGH, false"
    })
    void suggestsSeriousInjuryOnlyWhenInjuriousUseIsPossibleAndTheStakesAreHigh(
            Level s, Level c, Level l, boolean expected) {
        assertThat(RiskAssessment.suggest(s, c, l)).isEqualTo(expected);
    }

    @Test
    void confirmingTheSuggestionKeepsItAndRequiresBothNotices() {
        var a = RiskAssessment.conclude(answers(Level.HIGH, Level.HIGH, Level.HIGH, null, null), TODAY, NOW);
        assertThat(a.suggestedSerious()).isTrue();
        assertThat(a.serious()).isTrue();
        assertThat(a.overridden()).isFalse();
        assertThat(a.requiredNotices())
                .containsExactlyInAnyOrder(RiskAssessment.Notice.COMMISSION, RiskAssessment.Notice.PERSONS);
    }

    @Test
    void noSeriousRiskRequiresNoNotice() {
        var a = RiskAssessment.conclude(answers(Level.LOW, Level.LOW, Level.LOW, false, null), TODAY, NOW);
        assertThat(a.serious()).isFalse();
        assertThat(a.requiredNotices()).isEmpty();
    }

    @Test
    void overridingTheSuggestionWithoutAReasonIsRefused() {
        assertThatThrownBy(
                        () -> RiskAssessment.conclude(answers(Level.LOW, Level.LOW, Level.LOW, true, " "), TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("overrideReason"));
    }

    @Test
    void overridingWithAReasonDecidesTheNotices() {
        var a = RiskAssessment.conclude(
                answers(Level.LOW, Level.LOW, Level.LOW, true, "persons are minors"), TODAY, NOW);
        assertThat(a.suggestedSerious()).isFalse();
        assertThat(a.serious()).isTrue();
        assertThat(a.overridden()).isTrue();
        assertThat(a.overrideReason()).isEqualTo("persons are minors");
        assertThat(a.requiredNotices()).hasSize(2);
    }

    @Test
    void everyFactorNeedsItsReasoningAndTheConsultationIsRecorded() {
        var missing =
                new RiskAssessment.Answers(Level.HIGH, " ", null, "x", Level.LOW, null, null, null, "", null, null);
        assertThatThrownBy(() -> RiskAssessment.conclude(missing, TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder(
                                "sensitivityReason",
                                "consequences",
                                "likelihoodReason",
                                "consultedOn",
                                "consultationNote"));
    }

    @Test
    void aConsultationInTheFutureIsRefused() {
        var future = new RiskAssessment.Answers(
                Level.LOW, "a", Level.LOW, "b", Level.LOW, "c", null, TODAY.plusDays(1), "d", null, null);
        assertThatThrownBy(() -> RiskAssessment.conclude(future, TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("consultedOn");
    }
}
