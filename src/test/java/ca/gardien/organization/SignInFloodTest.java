package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gardien.ledger.Evidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * A flood of failed sign-ins does not flood the ledger: beyond the per-minute number, failures are counted and the count
 * goes with the next failure recorded; successes are never held back.
 */
class SignInFloodTest {

    private final Instant[] now = {Instant.parse("2026-12-03T10:00:05Z")};
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now[0];
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };
    private final List<Evidence> recorded = new ArrayList<>();
    private final SignInFacts facts;

    SignInFloodTest() {
        var accounts = mock(Accounts.class);
        when(accounts.byUsername(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
        var properties = new OrganizationProperties(
                null, 5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15), null, null, 3, null);
        facts = new SignInFacts(accounts, properties, event -> recorded.add((Evidence) event), clock);
    }

    private void fail() {
        facts.on(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("guess", "password"),
                new BadCredentialsException("bad")));
    }

    @Test
    void failuresBeyondThePerMinuteNumberAreCountedAndReportedWithTheNextOneRecorded() {
        for (int i = 0; i < 10; i++) {
            fail();
        }
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(e -> assertThat(e.payload()).doesNotContainKey("unrecordedBefore"));

        now[0] = now[0].plusSeconds(60);
        fail();

        assertThat(recorded).hasSize(4);
        assertThat(recorded.getLast().payload()).containsEntry("unrecordedBefore", "7");
        fail();
        assertThat(recorded.getLast().payload()).doesNotContainKey("unrecordedBefore");
    }

    @Test
    void singleSignOnFailuresShareTheBudgetAndSuccessesAreNeverHeldBack() {
        for (int i = 0; i < 3; i++) {
            fail();
        }
        facts.ssoFailed("corp", "https://idp.example.test", "subject-1", null, SsoRefusal.NO_ROLE);
        assertThat(recorded).hasSize(3);

        var token = new org.springframework.security.oauth2.core.oidc.OidcIdToken(
                "id-token",
                now[0],
                now[0].plusSeconds(60),
                java.util.Map.of("sub", "subject-1", "iss", "https://idp.example.test"));
        facts.ssoSucceeded(new AccountOidcUser(java.util.UUID.randomUUID(), List.of(), token, null), "corp");

        assertThat(recorded).hasSize(4);
        assertThat(recorded.getLast().action()).isEqualTo("account.signed-in");
    }
}
