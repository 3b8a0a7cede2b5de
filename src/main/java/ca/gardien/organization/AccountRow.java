package ca.gardien.organization;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An account as the console lists it: who, which roles, and its state; never its password hash. */
@NamedInterface("views")
public record AccountRow(
        UUID id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean mustChangePassword,
        boolean enabled,
        Instant lockedUntil) {

    static AccountRow of(Account account) {
        return new AccountRow(
                account.id(),
                account.username(),
                account.displayName(),
                account.roles(),
                account.mustChangePassword(),
                account.enabled(),
                account.lockedUntil());
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The name to show: the display name, else the username. */
    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
