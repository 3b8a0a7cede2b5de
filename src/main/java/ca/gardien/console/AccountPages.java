package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.PasswordRefusedException;
import ca.gardien.organization.Role;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/console/accounts")
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class AccountPages {

    record NewAccountForm(String username, String displayName) {}

    /** A stale page or a forged form may name an account that does not exist. */
    private static final FieldError UNKNOWN_ACCOUNT = FieldError.of("account", "console.field.account-unknown");

    private final AccountAdministration accounts;
    private final AccountViews views;
    private final Clock clock;
    private final MessageSource messages;

    AccountPages(AccountAdministration accounts, AccountViews views, Clock clock, MessageSource messages) {
        this.accounts = accounts;
        this.views = views;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", views.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        return "console/accounts";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam(required = false) Set<Role> roles,
            Authentication auth,
            Model model,
            Locale locale) {
        try {
            accounts.create(username, displayName, password, roles == null ? Set.of() : roles, CurrentActor.of(auth));
            return "redirect:/console/accounts?created";
        } catch (PasswordRefusedException e) {
            return relist(model, List.of(e.localized(messages, locale)), new NewAccountForm(username, displayName));
        } catch (InvalidInputException e) {
            return relist(model, e.errors(), new NewAccountForm(username, displayName));
        } catch (ConflictException e) {
            return relist(model, List.of(e.on("username")), new NewAccountForm(username, displayName));
        }
    }

    @PostMapping("/{id}/roles")
    String roles(
            @PathVariable UUID id, @RequestParam(required = false) Set<Role> roles, Authentication auth, Model model) {
        try {
            accounts.changeRoles(id, roles == null ? EnumSet.noneOf(Role.class) : roles, CurrentActor.of(auth));
            return "redirect:/console/accounts";
        } catch (InvalidInputException e) {
            return relist(model, e.errors(), null);
        } catch (NotFoundException e) {
            return relist(model, List.of(UNKNOWN_ACCOUNT), null);
        } catch (ConflictException e) {
            return relist(model, List.of(e.on("roles")), null);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, Authentication auth, Model model) {
        return setEnabled(id, false, auth, model);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, Authentication auth, Model model) {
        return setEnabled(id, true, auth, model);
    }

    private String setEnabled(UUID id, boolean enabled, Authentication auth, Model model) {
        try {
            accounts.setEnabled(id, enabled, CurrentActor.of(auth));
            return "redirect:/console/accounts";
        } catch (NotFoundException e) {
            return relist(model, List.of(UNKNOWN_ACCOUNT), null);
        } catch (ConflictException e) {
            return relist(model, List.of(e.on("enabled")), null);
        }
    }

    private String relist(Model model, List<FieldError> errors, NewAccountForm form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return list(model);
    }
}
