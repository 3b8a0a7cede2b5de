package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptnessTest {

    static final OffsetDateTime AWARE = OffsetDateTime.parse("2026-11-21T09:00:00-05:00");
    static final IncidentsProperties DEFAULTS = new IncidentsProperties(null, null, null, null, null, null, null, null);

    static Incident incident(RiskAssessment assessment, LocalDate caiOn, LocalDate personsOn, IncidentStatus status) {
        return new Incident(
                UUID.randomUUID(),
                "I-2026-00001",
                "Lost laptop",
                IncidentKind.LOSS_OR_OTHER_BREACH,
                status,
                "names",
                null,
                "left in a taxi",
                LocalDate.parse("2026-11-20"),
                null,
                false,
                AWARE,
                10L,
                null,
                false,
                List.of(),
                List.of(),
                assessment,
                caiOn,
                personsOn,
                false,
                null,
                null,
                null,
                List.of(),
                LocalDate.parse("2031-11-21"),
                Instant.parse("2026-11-21T14:05:00Z"),
                "account:x",
                null,
                null,
                0);
    }

    static RiskAssessment serious() {
        return RiskAssessment.conclude(
                RiskAssessmentTest.answers(Level.HIGH, Level.HIGH, Level.HIGH, null, null),
                RiskAssessmentTest.TODAY,
                RiskAssessmentTest.NOW);
    }

    @Test
    void aClosedEntrysClockStopsWhenItWasClosed() {
        var closedAt = AWARE.toInstant().plus(Duration.ofHours(30));
        var closed = incident(
                        serious(), LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-22"), IncidentStatus.OPEN)
                .closed(closedAt);
        var weekLater = closedAt.plus(Duration.ofDays(7));
        var promptness = Promptness.of(closed, weekLater, DEFAULTS);
        assertThat(promptness.sinceAwareness()).isEqualTo(Duration.ofHours(30));
        assertThat(promptness.running()).isFalse();
        var open = incident(serious(), null, null, IncidentStatus.OPEN);
        assertThat(Promptness.of(open, weekLater, DEFAULTS).sinceAwareness())
                .isEqualTo(Duration.ofHours(30).plusDays(7));
    }

    @Test
    void theClockRunsFromAwarenessAndTurnsToWarningThenAlertAtTheConfiguredThresholds() {
        var open = incident(null, null, null, IncidentStatus.OPEN);
        var aware = AWARE.toInstant();
        assertThat(Promptness.of(open, aware.plus(Duration.ofHours(23)), DEFAULTS)
                        .urgency())
                .isEqualTo(Promptness.Urgency.WITHIN_TARGET);
        assertThat(Promptness.of(open, aware.plus(Duration.ofHours(24)), DEFAULTS)
                        .urgency())
                .isEqualTo(Promptness.Urgency.WARNING);
        var late = Promptness.of(open, aware.plus(Duration.ofHours(72)), DEFAULTS);
        assertThat(late.urgency()).isEqualTo(Promptness.Urgency.ALERT);
        assertThat(late.sinceAwareness()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void thresholdsAreConfiguration() {
        var hourly = new IncidentsProperties(
                List.of(Duration.ofHours(2), Duration.ofHours(1)), null, null, null, null, null, null, null);
        var open = incident(null, null, null, IncidentStatus.OPEN);
        assertThat(Promptness.of(open, AWARE.toInstant().plus(Duration.ofMinutes(90)), hourly)
                        .urgency())
                .isEqualTo(Promptness.Urgency.WARNING);
    }

    @Test
    void theClockStopsWhenEveryRequiredNoticeIsSent() {
        var sent = incident(
                serious(), LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"), IncidentStatus.ASSESSED);
        var p = Promptness.of(sent, AWARE.toInstant().plus(Duration.ofDays(10)), DEFAULTS);
        assertThat(p.running()).isFalse();
        assertThat(p.urgency()).isEqualTo(Promptness.Urgency.NONE);
    }

    @Test
    void anUnsentRequiredNoticeKeepsTheClockRunningAfterTheAssessment() {
        var half = incident(serious(), LocalDate.parse("2026-11-23"), null, IncidentStatus.ASSESSED);
        assertThat(half.unsentNotices()).containsExactly(RiskAssessment.Notice.PERSONS);
        assertThat(Promptness.of(half, AWARE.toInstant().plus(Duration.ofDays(4)), DEFAULTS)
                        .urgency())
                .isEqualTo(Promptness.Urgency.ALERT);
    }

    @Test
    void theGdprProfileAddsASeventyTwoHourClockToTheAuthority() {
        var gdpr = new IncidentsProperties(null, true, null, null, null, null, null, null);
        var open = incident(null, null, null, IncidentStatus.OPEN);
        var before = Promptness.of(open, AWARE.toInstant().plus(Duration.ofHours(71)), gdpr);
        assertThat(before.gdprDueAt()).isEqualTo(AWARE.toInstant().plus(Duration.ofHours(72)));
        assertThat(before.gdprOverdue()).isFalse();
        assertThat(Promptness.of(open, AWARE.toInstant().plus(Duration.ofHours(72)), gdpr)
                        .gdprOverdue())
                .isTrue();
        assertThat(Promptness.of(open, AWARE.toInstant().plus(Duration.ofHours(72)), DEFAULTS)
                        .gdprDueAt())
                .isNull();
    }

    @Test
    void keepingCannotBeConfiguredBelowFiveYears() {
        assertThat(new IncidentsProperties(null, null, null, Period.ofYears(2), null, null, null, null).retention())
                .isEqualTo(Period.ofYears(5));
        assertThat(new IncidentsProperties(null, null, null, Period.ofYears(7), null, null, null, null).retention())
                .isEqualTo(Period.ofYears(7));
    }
}
