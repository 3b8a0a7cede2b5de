package ca.gardien.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A local account. Immutable: each verb returns the changed account, checking its rules first.
 *
 * @param version optimistic-locking version, null before the first save
 */
public record Account(
        UUID id,
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        boolean mustChangePassword,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        String preferredLocale,
        Instant createdAt,
        Integer version) {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");

    public Account {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-100 lower-case letters, digits, '.', '_' or '-'");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    static Account create(
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            boolean mustChangePassword,
            Instant now) {
        return new Account(
                UUID.randomUUID(),
                username,
                displayName,
                passwordHash,
                roles,
                mustChangePassword,
                true,
                0,
                null,
                null,
                now,
                null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    Account withPassword(String hash, boolean mustChange) {
        return new Account(
                id,
                username,
                displayName,
                hash,
                roles,
                mustChange,
                enabled,
                0,
                null,
                preferredLocale,
                createdAt,
                version);
    }

    Account withRoles(Set<Role> newRoles) {
        return new Account(
                id,
                username,
                displayName,
                passwordHash,
                newRoles,
                mustChangePassword,
                enabled,
                failedAttempts,
                lockedUntil,
                preferredLocale,
                createdAt,
                version);
    }

    Account withEnabled(boolean value) {
        return new Account(
                id,
                username,
                displayName,
                passwordHash,
                roles,
                mustChangePassword,
                value,
                failedAttempts,
                lockedUntil,
                preferredLocale,
                createdAt,
                version);
    }

    Account withDisplayName(String name) {
        return new Account(
                id,
                username,
                name,
                passwordHash,
                roles,
                mustChangePassword,
                enabled,
                failedAttempts,
                lockedUntil,
                preferredLocale,
                createdAt,
                version);
    }

    Account withLocale(String locale) {
        return new Account(
                id,
                username,
                displayName,
                passwordHash,
                roles,
                mustChangePassword,
                enabled,
                failedAttempts,
                lockedUntil,
                locale,
                createdAt,
                version);
    }

    /**
     * Counts a failed login. From the {@code maxFailures}-th failure in a row on, further attempts are refused until
     * 2, 4, 8 ... seconds after this failure, at most {@code maxDelay}: guessing slows down exponentially while the
     * holder, once the delay has passed, still gets in with the right password.
     */
    Account failedLogin(Instant now, int maxFailures, Duration maxDelay) {
        int failures = failedAttempts + 1;
        var until = failures >= maxFailures ? now.plus(delay(failures - maxFailures + 1, maxDelay)) : null;
        return new Account(
                id,
                username,
                displayName,
                passwordHash,
                roles,
                mustChangePassword,
                enabled,
                failures,
                until,
                preferredLocale,
                createdAt,
                version);
    }

    /** 2^n seconds, capped; the exponent is bounded first so that the shift cannot overflow. */
    static Duration delay(int n, Duration max) {
        var delay = Duration.ofSeconds(1L << Math.min(Math.max(n, 1), 40));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
