package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes accounts; every change is a ledger fact. */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class AccountAdministration {

    private final Accounts accounts;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecentTokens recent;
    private final AccountSessions sessions;
    private final TokenService tokens;

    AccountAdministration(
            Accounts accounts,
            Passwords passwords,
            ApplicationEventPublisher events,
            Clock clock,
            RecentTokens recent,
            AccountSessions sessions,
            TokenService tokens) {
        this.tokens = tokens;
        this.recent = recent;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return accounts.all();
    }

    @Transactional(readOnly = true)
    public Account byId(UUID id) {
        return accounts.byId(id).orElseThrow(() -> new NotFoundException("organization.object.account", id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Account> byUsername(String username) {
        return accounts.byUsername(username);
    }

    /** Creates an account whose holder must choose a new password at first login. */
    @Transactional
    public Account create(String username, String displayName, String initialPassword, Set<Role> roles, Actor actor) {
        return create(username, displayName, initialPassword, roles, true, actor);
    }

    @Transactional
    Account create(
            String username,
            String displayName,
            String initialPassword,
            Set<Role> roles,
            boolean mustChangePassword,
            Actor actor) {
        // a name taken is said with the form's other errors, all at once (officer's walk: the password's refusal
        // came first, the name taken only on the next try); alone it stays a conflict (409)
        var taken = username != null && accounts.byUsername(username).isPresent();
        var takenError = FieldError.of("username", "organization.conflict.username-taken");
        try {
            AccountInput.checkNew(passwords, username, displayName, initialPassword, roles);
        } catch (PasswordRefusedException e) {
            throw taken ? e.after(takenError) : e;
        } catch (InvalidInputException e) {
            if (!taken) throw e;
            var all = new ArrayList<FieldError>(List.of(takenError));
            all.addAll(e.errors());
            throw new InvalidInputException(all);
        }
        if (taken) {
            throw new ConflictException("organization.conflict.username-taken");
        }
        Account account;
        try {
            account = accounts.save(Account.create(
                    username,
                    displayName,
                    passwords.hash("password", initialPassword, username),
                    roles,
                    mustChangePassword,
                    clock.instant()));
        } catch (org.springframework.dao.DuplicateKeyException e) { // created at the same moment elsewhere: never a 500
            throw new ConflictException("organization.conflict.username-taken");
        }
        record(actor, "account.created", account, Map.of("roles", Role.format(roles)));
        return account;
    }

    @Transactional
    public Account changeRoles(UUID id, Set<Role> roles, Actor actor) {
        var wrong = AccountInput.rolesError(roles);
        if (wrong.isPresent()) {
            throw new InvalidInputException(List.of(wrong.get()));
        }
        var before = byId(id);
        keepAnOfficer(before, before.withRoles(roles));
        recent.forgetAll(); // a token's roles are those its account still holds
        sessions.forget(id); // and its sessions end
        var after = accounts.save(before.withRoles(roles));
        record(
                actor,
                "account.roles-changed",
                after,
                Map.of("from", Role.format(before.roles()), "to", Role.format(roles)));
        return after;
    }

    /** Renames the account as people and the ledger's lines name it ("Alex Exemple — Personne responsable"). */
    @Transactional
    public Account rename(UUID id, String displayName, Actor actor) {
        AccountInput.checkDisplayName(displayName);
        var before = byId(id);
        var after = accounts.save(before.withDisplayName(displayName.strip()));
        record(actor, "account.renamed", after, Map.of()); // the ledger names the account by its id, never its name
        return after;
    }

    @Transactional
    public Account setEnabled(UUID id, boolean enabled, Actor actor) {
        var before = byId(id);
        keepAnOfficer(before, before.withEnabled(enabled));
        recent.forgetAll(); // a disabled account's tokens stop working at once
        sessions.forget(id);
        var account = accounts.save(before.withEnabled(enabled));
        record(actor, enabled ? "account.enabled" : "account.disabled", account, Map.of());
        return account;
    }

    /** The holder changes their own password, proving they know the current one. */
    @Transactional
    public Account changeOwnPassword(UUID id, String current, String replacement) {
        return changeOwnPassword(id, current, replacement, replacement);
    }

    /**
     * Changes one's own password, or refuses with every mistake at once in the form's order: the current password,
     * the new one (the rule, or unchanged), its confirmation.
     */
    @Transactional
    public Account changeOwnPassword(UUID id, String current, String replacement, String confirmation) {
        var account = byId(id);
        var errors = new ArrayList<FieldError>();
        if (!passwords.matches(current, account.passwordHash())) {
            errors.add(FieldError.of("currentPassword", "organization.field.password-incorrect"));
        }
        if (current.equals(replacement)) {
            errors.add(FieldError.of("newPassword", "organization.field.password-unchanged"));
        } else {
            try {
                passwords.check("newPassword", replacement, account.username());
            } catch (PasswordRefusedException e) {
                errors.addAll(e.errors());
            }
        }
        if (!replacement.equals(confirmation)) {
            errors.add(FieldError.of("confirmPassword", "organization.field.password-confirmation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        sessions.forget(id); // the holder's other sessions end
        var changed = accounts.save(
                account.withPassword(passwords.hash("newPassword", replacement, account.username()), false));
        record(Actor.account(id), "account.password-changed", changed, Map.of());
        return changed;
    }

    /**
     * An officer sets a temporary password; the holder must change it at next login, their sessions end and their API
     * tokens are revoked. Not one's own: that is a change, which asks for the current password (a session left open
     * must not be enough to keep the account).
     */
    @Transactional
    public Account resetPassword(UUID id, String temporary, Actor actor, java.util.Optional<UUID> callerAccount) {
        // locked: a token being issued to the account meanwhile waits, then sees that the password must change
        // (attacker's review: tokens issued during a reset by a stolen one survived it)
        var account = accounts.lock(id).orElseThrow(() -> new NotFoundException("organization.object.account", id));
        if (callerAccount.filter(id::equals).isPresent()) { // signed in as it, or through one of its tokens
            throw new ConflictException("organization.conflict.reset-own");
        }
        var hash = passwords.hash("password", temporary, account.username()); // refused: nothing changed, no one out
        sessions.forget(id);
        var revoked = tokens.revokeAllOf(id, actor, "password-reset"); // a stolen token must not keep the account
        var changed = accounts.save(account.withPassword(hash, true));
        record(actor, "account.password-reset", changed, Map.of("tokensRevoked", String.valueOf(revoked)));
        return changed;
    }

    @Transactional
    public void setLocale(UUID id, String locale) {
        accounts.byId(id).ifPresent(a -> accounts.save(a.withLocale(locale)));
    }

    /**
     * Law 25 (s. 3.1) always has a person in charge: refuse the change that would leave no enabled privacy
     * officer, since nobody could then administer accounts or approve responses.
     */
    private void keepAnOfficer(Account before, Account after) {
        if (isActiveOfficer(before)
                && !isActiveOfficer(after)
                && accounts.all().stream().noneMatch(a -> !a.id().equals(before.id()) && isActiveOfficer(a))) {
            throw new ConflictException("organization.conflict.last-officer");
        }
    }

    private static boolean isActiveOfficer(Account account) {
        return account.enabled() && account.hasRole(Role.PRIVACY_OFFICER);
    }

    private void record(Actor actor, String action, Account account, Map<String, String> payload) {
        events.publishEvent(Evidence.of(clock.instant(), actor, action, "account", account.id(), payload));
    }
}
