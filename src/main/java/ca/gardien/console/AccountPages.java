package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountDuties;
import ca.gardien.organization.AccountRow;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.PasswordRefusedException;
import ca.gardien.organization.Role;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Listing;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/console/accounts")
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class AccountPages {

    /** What was typed in a refused creation, roles included (the password is never shown again). */
    record NewAccountForm(String username, String displayName, Set<Role> roles) {}

    /** A stale page or a forged form may name an account that does not exist. */
    private static final FieldError UNKNOWN_ACCOUNT = FieldError.of("account", "console.field.account-unknown");

    private final AccountAdministration accounts;
    private final AccountViews views;
    private final Clock clock;
    private final MessageSource messages;
    private final List<AccountDuties> duties;

    AccountPages(
            AccountAdministration accounts,
            AccountViews views,
            Clock clock,
            MessageSource messages,
            List<AccountDuties> duties) {
        this.accounts = accounts;
        this.views = views;
        this.clock = clock;
        this.messages = messages;
        this.duties = duties;
    }

    /** Accounts by user name, name or role, searched in the user name and the name. */
    static final SmallList<AccountRow> LIST = new SmallList<>(
            SmallList.sorts("username", AccountRow::username, "name", AccountRow::displayName),
            a -> a.id().toString(),
            a -> a.username() + " " + a.displayName(),
            "/console/accounts");

    static final List<String> STATES = List.of("ENABLED", "DISABLED");

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String after,
            Authentication auth,
            Model model) {
        var query = LIST.query(q, sort, dir, after, Listing.PAGE_SIZE);
        var chosen = SmallList.oneOf(STATES, state);
        var all = views.all(); // read once: the page and the only person in charge below
        LIST.show(model, LIST.page(all, kept(chosen), query), query, chosen != null);
        SmallList.choice(model, "state", "accounts.status", "lists.small.account.", STATES, chosen);
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "me", auth == null ? null : CurrentActor.accountId(auth).orElse(null));
        // the only enabled person in charge cannot be disabled: the button is not offered (officer's review)
        var officers = all.stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.PRIVACY_OFFICER))
                .toList();
        model.addAttribute(
                "soleOfficer", officers.size() == 1 ? officers.getFirst().id() : null);
        // what other modules have these accounts do (the person in charge's substitute…): named, asked before disabling
        var held = new java.util.HashMap<UUID, String>();
        duties.forEach(d -> d.duties().forEach(held::putIfAbsent));
        model.addAttribute("duties", held);
        return "console/accounts";
    }

    /** The accounts as searched, filtered and sorted on the page, as CSV, roles and status in words. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String state,
            Locale locale) {
        var query = LIST.query(q, sort, dir, null, Listing.MAX_SIZE);
        var lines = LIST.lines(
                views.all(),
                kept(SmallList.oneOf(STATES, state)),
                query,
                a -> List.of(
                        a.username(),
                        a.displayName(),
                        String.join(
                                ", ",
                                a.roles().stream()
                                        .sorted()
                                        .map(r -> text("role." + r, locale))
                                        .toList()),
                        text(a.enabled() ? "accounts.enabled" : "accounts.disabled", locale)));
        var header = List.of(
                text("accounts.username", locale),
                text("accounts.displayName", locale),
                text("accounts.roles", locale),
                text("accounts.status", locale));
        return CsvFile.download("gardien-accounts.csv", Listing.csv(header, lines));
    }

    private static java.util.function.Predicate<AccountRow> kept(String state) {
        return a -> state == null || a.enabled() == "ENABLED".equals(state);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String password,
            @RequestParam(required = false) Set<Role> roles,
            Authentication auth,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        var chosen = roles == null ? Set.<Role>of() : roles;
        var typed = new NewAccountForm(username, displayName, chosen);
        try {
            accounts.create(username, displayName, password, chosen, CurrentActor.of(auth));
            flash.addFlashAttribute("done", messages.getMessage("accounts.created", new Object[] {username}, locale));
            return "redirect:/console/accounts";
        } catch (PasswordRefusedException e) { // the rule's words ("doit compter …") after the field's name
            return relist(auth, model, e.errors(messages, locale, "accounts.password-refused"), typed);
        } catch (InvalidInputException e) {
            return relist(auth, model, e.errors(), typed);
        } catch (ConflictException e) {
            return relist(auth, model, List.of(e.on("username")), typed);
        }
    }

    @PostMapping("/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @RequestParam(required = false) Set<Role> roles,
            Authentication auth,
            RedirectAttributes flash,
            Locale locale) {
        try {
            accounts.changeRoles(id, roles == null ? EnumSet.noneOf(Role.class) : roles, CurrentActor.of(auth));
            return "redirect:/console/accounts";
        } catch (InvalidInputException e) {
            return refused(flash, onRow(id, e, locale));
        } catch (NotFoundException e) {
            return refused(flash, UNKNOWN_ACCOUNT.in(messages, locale).message());
        } catch (ConflictException e) {
            return refused(flash, e.in(messages, locale));
        }
    }

    @PostMapping("/{id}/name")
    String rename(
            @PathVariable UUID id,
            @RequestParam(required = false) String displayName,
            Authentication auth,
            RedirectAttributes flash,
            Locale locale) {
        try {
            accounts.rename(id, displayName, CurrentActor.of(auth));
            return "redirect:/console/accounts";
        } catch (InvalidInputException e) {
            return refused(flash, onRow(id, e, locale));
        } catch (NotFoundException e) {
            return refused(flash, UNKNOWN_ACCOUNT.in(messages, locale).message());
        } catch (ConflictException e) { // saved meanwhile by another session: the list as it now stands, and why
            return refused(flash, e.in(messages, locale));
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, Authentication auth, RedirectAttributes flash, Locale locale) {
        return setEnabled(id, false, auth, flash, locale);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, Authentication auth, RedirectAttributes flash, Locale locale) {
        return setEnabled(id, true, auth, flash, locale);
    }

    /** A refusal not about a typed field (the last person in charge kept, an account gone): its reason alone. */
    private String setEnabled(UUID id, boolean enabled, Authentication auth, RedirectAttributes flash, Locale locale) {
        try {
            var account = accounts.setEnabled(id, enabled, CurrentActor.of(auth));
            flash.addFlashAttribute( // said (officer's review: a disabled account went without a word)
                    "done",
                    messages.getMessage(
                            enabled ? "accounts.done.enabled" : "accounts.done.disabled",
                            new Object[] {account.username()},
                            locale));
            return "redirect:/console/accounts";
        } catch (NotFoundException e) {
            return refused(flash, UNKNOWN_ACCOUNT.in(messages, locale).message());
        } catch (ConflictException e) {
            return refused(flash, e.in(messages, locale));
        }
    }

    private String onRow(UUID id, InvalidInputException e, Locale locale) {
        return AccountRowRefusals.said(messages, locale, accounts.byId(id).username(), e.errors());
    }

    private static String refused(RedirectAttributes flash, String why) {
        flash.addFlashAttribute("refused", why);
        return "redirect:/console/accounts";
    }

    private String relist(Authentication auth, Model model, List<FieldError> errors, NewAccountForm form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return list(null, null, null, null, null, auth, model);
    }
}
