package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account's own rules, with explicit instants: no clock, no database. */
class AccountTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final int MAX_FAILURES = 5;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private static Account account() {
        return Account.create("camille", "Camille", "$argon2id$hash", Set.of(Role.STAFF), false, T0);
    }

    private static Account failTimes(Account account, int times, Instant at) {
        var result = account;
        for (int i = 0; i < times; i++) {
            result = result.failedLogin(at, MAX_FAILURES, MAX_DELAY);
        }
        return result;
    }

    @Test
    void countsFailedLoginsWithoutLockingBeforeTheLimit() {
        var account = failTimes(account(), 4, T0);

        assertThat(account.failedAttempts()).isEqualTo(4);
        assertThat(account.lockedUntil()).isNull();
        assertThat(account.isLocked(T0)).isFalse();
    }

    @Test
    void delaysTwoSecondsAtTheFifthFailureInsteadOfLockingForMinutes() {
        var account = failTimes(account(), 5, T0);

        assertThat(account.lockedUntil()).isEqualTo(T0.plusSeconds(2));
        assertThat(account.isLocked(T0.plusSeconds(1))).isTrue();
        assertThat(account.isLocked(T0.plusSeconds(2))).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(5);
    }

    @Test
    void doublesTheDelayWithEachFurtherFailureUpToTheMaximum() {
        var account = failTimes(account(), 5, T0);
        var at = T0;
        var delays = new java.util.ArrayList<Duration>();
        for (int i = 0; i < 12; i++) {
            at = account.lockedUntil();
            account = account.failedLogin(at, MAX_FAILURES, MAX_DELAY);
            delays.add(Duration.between(at, account.lockedUntil()));
        }

        assertThat(delays.subList(0, 9))
                .extracting(Duration::toSeconds)
                .containsExactly(4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L);
        assertThat(delays.subList(9, 12)).containsOnly(MAX_DELAY);
    }

    @Test
    void neverOverflowsHoweverManyFailures() {
        assertThat(Account.delay(Integer.MAX_VALUE, MAX_DELAY)).isEqualTo(MAX_DELAY);
        assertThat(Account.delay(63, Duration.ofSeconds(1L << 50))).isEqualTo(Duration.ofSeconds(1L << 40));
    }

    @Test
    void keepsCountingAfterTheDelayUntilASuccess() {
        var later = T0.plus(Duration.ofMinutes(20));
        var account = failTimes(failTimes(account(), 5, T0), 1, later);

        assertThat(account.failedAttempts()).isEqualTo(6);
        assertThat(account.lockedUntil()).isEqualTo(later.plusSeconds(4));
        // a success clears them in the database (Accounts.loginSucceeded):
        // LoginThrottlingTest.aSuccessfulLoginResetsTheCount
    }

    @Test
    void aNewPasswordClearsFailuresAndTheLock() {
        var account = failTimes(account(), 5, T0).withPassword("$argon2id$other", true);

        assertThat(account.isLocked(T0)).isFalse();
        assertThat(account.failedAttempts()).isZero();
        assertThat(account.mustChangePassword()).isTrue();
    }

    @Test
    void keepsTheLockWhenRolesOrStatusChange() {
        var locked = failTimes(account(), 5, T0);

        assertThat(locked.withRoles(Set.of(Role.AUDITOR)).isLocked(T0)).isTrue();
        assertThat(locked.withEnabled(false).isLocked(T0)).isTrue();
        assertThat(locked.withLocale("en").isLocked(T0)).isTrue();
    }

    @Test
    void refusesAUsernameOutsideTheAllowedCharacters() {
        for (var username : new String[] {"A", "Camille", "x", "-lead", "jean@example.test", "a b"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Account.create(username, "N", "h", Set.of(Role.STAFF), false, T0));
        }
    }

    @Test
    void refusesAnAccountWithoutRoles() {
        assertThatIllegalArgumentException().isThrownBy(() -> Account.create("camille", "N", "h", Set.of(), false, T0));
    }

    @Test
    void aNewAccountIsEnabledUnlockedAndUnsaved() {
        var account = account();

        assertThat(account.enabled()).isTrue();
        assertThat(account.isLocked(T0)).isFalse();
        assertThat(account.version()).isNull();
        assertThat(account.hasRole(Role.STAFF)).isTrue();
        assertThat(account.hasRole(Role.PRIVACY_OFFICER)).isFalse();
    }
}
