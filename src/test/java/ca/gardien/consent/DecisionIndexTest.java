package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.consent.ConsentTerms.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionIndexTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    final DecisionIndex index = new DecisionIndex();
    final UUID subject = UUID.randomUUID();

    static DecisionIndex.Latest record(long seq, State state, Instant validUntil) {
        return new DecisionIndex.Latest(seq, UUID.randomUUID(), state, validUntil);
    }

    @Test
    void deniesWithoutAnyConsent() {
        var decision = index.decide(subject, "newsletter", T0);
        assertThat(decision.decision()).isEqualTo("DENY");
        assertThat(decision.reason()).isEqualTo("no-consent");
        assertThat(decision.recordId()).isNull();
        assertThat(index.decide(null, "newsletter", T0).reason()).isEqualTo("no-consent");
    }

    @Test
    void allowsAGrantedConsentAndNamesItsRecord() {
        var grant = record(1, State.GRANTED, null);
        index.apply(subject, "newsletter", grant);
        assertThat(index.decide(subject, "newsletter", T0))
                .isEqualTo(new Decision("ALLOW", "granted", grant.recordId()));
        assertThat(index.decide(subject, "statistics", T0).reason()).isEqualTo("no-consent");
    }

    @Test
    void deniesOnceTheConsentHasExpired() {
        var clock = Clock.fixed(T0, ZoneOffset.UTC);
        var grant = record(1, State.GRANTED, T0.plus(Duration.ofDays(30)));
        index.apply(subject, "newsletter", grant);
        assertThat(index.decide(subject, "newsletter", clock.instant()).allowed())
                .isTrue();
        var later = Clock.offset(clock, Duration.ofDays(30));
        assertThat(index.decide(subject, "newsletter", later.instant()))
                .isEqualTo(new Decision("DENY", "expired", grant.recordId()));
    }

    @Test
    void deniesAtOnceAfterAWithdrawal() {
        index.apply(subject, "newsletter", record(1, State.GRANTED, null));
        var withdrawal = record(2, State.WITHDRAWN, null);
        index.apply(subject, "newsletter", withdrawal);
        assertThat(index.decide(subject, "newsletter", T0))
                .isEqualTo(new Decision("DENY", "withdrawn", withdrawal.recordId()));
    }

    @Test
    void keepsTheLatestRecordWhateverTheOrderOfArrival() {
        var withdrawal = record(7, State.WITHDRAWN, null);
        index.apply(subject, "newsletter", withdrawal);
        index.apply(subject, "newsletter", record(3, State.GRANTED, null));
        index.apply(subject, "newsletter", withdrawal);
        assertThat(index.decide(subject, "newsletter", T0).reason()).isEqualTo("withdrawn");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void deniesARefusalAndAnExpiredRecord() {
        index.apply(subject, "a", record(1, State.REFUSED, null));
        index.apply(subject, "b", record(2, State.EXPIRED, null));
        assertThat(index.decide(subject, "a", T0).reason()).isEqualTo("refused");
        assertThat(index.decide(subject, "b", T0).reason()).isEqualTo("expired");
    }

    @Test
    void forgetsAHistoryNoLongerInForceOnceItsKeepingPeriodEndedButNeverAGrant() {
        var keeping = new DecisionIndex(java.time.Period.ofYears(3));
        var withdrawn = UUID.randomUUID();
        var granted = UUID.randomUUID();
        keeping.apply(
                withdrawn, "newsletter", new DecisionIndex.Latest(2, UUID.randomUUID(), State.WITHDRAWN, null, T0));
        keeping.apply(granted, "newsletter", new DecisionIndex.Latest(3, UUID.randomUUID(), State.GRANTED, null, T0));
        var lastDay = T0.plus(Duration.ofDays(3 * 365)); // 2029-02-28: not yet three years
        assertThat(keeping.decide(withdrawn, "newsletter", lastDay).reason()).isEqualTo("withdrawn");
        assertThat(keeping.forget(lastDay)).isZero();

        var later = T0.plus(Duration.ofDays(3 * 365 + 2));
        assertThat(keeping.decide(withdrawn, "newsletter", later)).isEqualTo(Decision.NO_CONSENT);
        assertThat(keeping.decide(granted, "newsletter", later).allowed()).isTrue();
        assertThat(keeping.forget(later)).isEqualTo(1);
        assertThat(keeping.size()).isEqualTo(1);
    }
}
