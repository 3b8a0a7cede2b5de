package ca.gardien.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The read models of accounts for the console: the list, and what it needs to know of whoever is signed in. */
@Service
@NamedInterface("views")
public class AccountViews {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountViews(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** An API token as the ledger names the program that acted with it: its name and its account, never its digest. */
    public record TokenName(String name, UUID accountId) {}

    /** Every API token's name and account by the token's id, revoked ones included (their past acts are still named). */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, TokenName> tokenNames() {
        var names = new java.util.HashMap<UUID, TokenName>();
        tokens.all().forEach(t -> names.put(t.id(), new TokenName(t.name(), t.accountId())));
        return names;
    }

    /**
     * Every account. Read once per read-only transaction: a page that names accounts in several places (the ledger's
     * actors, its objects, its filter and suggestions) reads them once. A writing transaction reads them each time.
     */
    @Transactional(readOnly = true)
    public List<AccountRow> all() {
        if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return read();
        }
        @SuppressWarnings("unchecked")
        var held = (List<AccountRow>) TransactionSynchronizationManager.getResource(ALL);
        if (held != null) {
            return held;
        }
        var rows = read();
        TransactionSynchronizationManager.bindResource(ALL, rows);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ALL);
            }
        });
        return rows;
    }

    /** The key of the accounts read in the current transaction. */
    private static final Object ALL = new Object();

    private List<AccountRow> read() {
        return accounts.all().stream().map(AccountRow::of).toList();
    }

    @Transactional(readOnly = true)
    public int count() {
        return accounts.all().size();
    }

    /** The enabled accounts holding at least one of the roles, in the list's order (assignees, recipients). */
    @Transactional(readOnly = true)
    public List<AccountRow> active(Role... roles) {
        var wanted = Set.of(roles);
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.roles().stream().anyMatch(wanted::contains))
                .map(AccountRow::of)
                .toList();
    }

    /** Whether the account exists, is enabled and holds at least one of the roles: one read, not the whole list. */
    @Transactional(readOnly = true)
    public boolean isActive(UUID accountId, Role... roles) {
        var wanted = Set.of(roles);
        return accountId != null
                && accounts.byId(accountId)
                        .filter(a -> a.enabled() && a.roles().stream().anyMatch(wanted::contains))
                        .isPresent();
    }

    /** The name an account is shown by (display name, else username); empty for an unknown account. */
    @Transactional(readOnly = true)
    public Optional<String> nameOf(UUID accountId) {
        return accountId == null
                ? Optional.empty()
                : accounts.byId(accountId).map(AccountRow::of).map(AccountRow::name);
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
