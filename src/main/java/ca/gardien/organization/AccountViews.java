package ca.gardien.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read models of accounts for the console: the list, and what it needs to know of whoever is signed in. */
@Service
@NamedInterface("views")
public class AccountViews {

    private final Accounts accounts;

    AccountViews(Accounts accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<AccountRow> all() {
        return accounts.all().stream().map(AccountRow::of).toList();
    }

    @Transactional(readOnly = true)
    public int count() {
        return accounts.all().size();
    }

    /**
     * The role an account acts in: its highest (person in charge, then delegate, staff, auditor); empty for an unknown
     * account or one without a role.
     */
    @Transactional(readOnly = true)
    public Optional<Role> actingRole(UUID accountId) {
        return accounts.byId(accountId).flatMap(a -> a.roles().stream().sorted().findFirst());
    }

    /** The language the account chose last; empty when it never chose. */
    @Transactional(readOnly = true)
    public Optional<String> preferredLocale(UUID accountId) {
        return accounts.byId(accountId).map(Account::preferredLocale);
    }

    /** The account signed in with its password (not through single sign-on or a token); empty otherwise. */
    public static Optional<UUID> passwordAccount(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p
                ? Optional.of(p.accountId())
                : Optional.empty();
    }

    /** Whether whoever is signed in with a password must choose a new one before anything else. */
    public static boolean mustChangePassword(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword();
    }
}
