package ca.gardien.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Local accounts and their roles")
class AccountController {

    record NewAccount(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 1024) String password, // the length in code points: PasswordRule
            @NotEmpty Set<Role> roles) {}

    record Roles(@NotEmpty Set<Role> roles) {}

    record AccountView(
            UUID id,
            String username,
            String displayName,
            Set<Role> roles,
            boolean enabled,
            boolean mustChangePassword,
            boolean locked,
            Instant createdAt) {}

    private final AccountAdministration accounts;
    private final Clock clock;

    AccountController(AccountAdministration accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','AUDITOR')")
    @Operation(summary = "All accounts")
    List<AccountView> all() {
        return accounts.all().stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Create an account; its holder must change the password at first login")
    AccountView create(@Valid @RequestBody NewAccount body, Authentication auth) {
        return view(accounts.create(
                body.username(), body.displayName(), body.password(), body.roles(), CurrentActor.of(auth)));
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Replace an account's roles")
    AccountView roles(@PathVariable UUID id, @Valid @RequestBody Roles body, Authentication auth) {
        return view(accounts.changeRoles(id, body.roles(), CurrentActor.of(auth)));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Disable an account and, with it, its tokens")
    AccountView disable(@PathVariable UUID id, Authentication auth) {
        return view(accounts.setEnabled(id, false, CurrentActor.of(auth)));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Enable an account again")
    AccountView enable(@PathVariable UUID id, Authentication auth) {
        return view(accounts.setEnabled(id, true, CurrentActor.of(auth)));
    }

    /** A temporary password an officer gives a colleague who lost theirs. */
    record PasswordReset(String password) {}

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Give another account a temporary password: changed at next login, its sessions ended")
    AccountView resetPassword(@PathVariable UUID id, @RequestBody PasswordReset body, Authentication auth) {
        return view(accounts.resetPassword(id, body.password(), CurrentActor.of(auth), CurrentActor.accountId(auth)));
    }

    private AccountView view(Account a) {
        return new AccountView(
                a.id(),
                a.username(),
                a.displayName(),
                a.roles(),
                a.enabled(),
                a.mustChangePassword(),
                a.isLocked(clock.instant()),
                a.createdAt());
    }
}
