package ca.gardien.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in holder of a local account, as Spring Security sees them. */
public record AccountPrincipal(
        UUID accountId,
        String username,
        String displayName,
        String passwordHash,
        List<Role> roles,
        boolean mustChangePassword,
        boolean enabled,
        boolean locked)
        implements UserDetails {

    /** {@code claimed}: this attempt counted itself as a failure first, so a delay it started does not lock it out. */
    static AccountPrincipal of(Account a, Instant now, boolean claimed) {
        return new AccountPrincipal(
                a.id(),
                a.username(),
                a.displayName(),
                a.passwordHash(),
                a.roles().stream().sorted().toList(),
                a.mustChangePassword(),
                a.enabled(),
                a.isLocked(now) && !claimed);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never print the hash. */
    @Override
    public String toString() {
        return "AccountPrincipal[" + accountId + "]";
    }
}
